package org.itera.cli.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The finetune-service's HTTP API, as far as a round driver needs it. */
final class FinetuneApi {

    /** A response: its status and its JSON body (a missing node when the body is not JSON). */
    record Reply(int status, JsonNode body) {
        String error() {
            JsonNode error = body.path("error");
            return error.isTextual() ? error.asText() : body.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    FinetuneApi(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST of a JSON body. */
    Reply post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    /** A new JSON object for a request body. */
    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** GET that must answer 200. */
    JsonNode read(String path) throws IOException, InterruptedException {
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
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            throw new IOException("finetune-service does not answer at " + base + " (connection refused)", e);
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
