package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One Itera service's JSON API over HTTP (finetune-service's rounds, filter-service's runs,
 * feedback-service's repair switch): the one HTTP helper of the command line.
 */
public final class ServiceApi {

    /** A response: its status and its JSON body (a missing node when the body is not JSON). */
    public record Reply(int status, JsonNode body) {
        public String error() {
            JsonNode error = body.path("error");
            return error.isTextual() ? error.asText() : body.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private final Duration timeout;

    public ServiceApi(String base) {
        this(base, Duration.ofSeconds(30));
    }

    public ServiceApi(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
    }

    /** GET that must answer 200, its body as text. */
    public String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri(path));
        }
        return response.body();
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST of a JSON body. */
    public Reply post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    /** A new JSON object for a request body. */
    public static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** GET that must answer 200. */
    public JsonNode read(String path) throws IOException, InterruptedException {
        Reply reply = get(path);
        if (reply.status() != 200) {
            throw new IOException("HTTP " + reply.status() + " from " + uri(path) + ": " + reply.error());
        }
        return reply.body();
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(timeout).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            throw new IOException("no service answers at " + base + " (connection refused)", e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("no answer within the timeout: " + built.uri(), e);
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.missingNode();
        }
        return new Reply(response.statusCode(), body);
    }
}
