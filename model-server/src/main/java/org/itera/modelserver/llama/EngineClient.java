package org.itera.modelserver.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The calls model-server makes to its {@code llama-server}: {@code POST /apply-template},
 * {@code POST /tokenize} and a streamed {@code POST /completion}. A consumer that throws while a
 * completion streams closes the connection, which makes llama.cpp cancel that sequence.
 */
final class EngineClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final LlamaServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    EngineClient(String id, LlamaServer server) {
        this.id = id;
        this.server = server;
    }

    /** The chat rendered with the chat template of the GGUF's metadata. */
    String applyTemplate(List<ChatMessage> messages) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("messages");
        messages.forEach(m -> array.addObject().put("role", m.role()).put("content", m.content()));
        return post("/apply-template", body).path("prompt").asText();
    }

    /** The tokens of a rendered prompt, with the special tokens (BOS) the model asks for. */
    List<Integer> tokenize(String text) {
        ObjectNode body = JSON.createObjectNode().put("content", text).put("add_special", true)
                .put("parse_special", true);
        List<Integer> ids = new ArrayList<>();
        post("/tokenize", body).path("tokens").forEach(token -> ids.add(token.asInt()));
        return ids;
    }

    /**
     * Streams a completion: every event to {@code onEvent}; returns the last one (with {@code stop: true}).
     * The events are read on the calling thread from a blocking connection (not through
     * {@link HttpClient}, whose selector thread would hand every token's event over to this one:
     * two threads woken per token, on the cores the engine decodes on; measured: 10% of one
     * sequence's rate, docs/benchmarks.md). The connection is dropped when {@code onEvent} throws.
     */
    JsonNode complete(ObjectNode body, Consumer<JsonNode> onEvent) {
        body.put("stream", true);
        HttpURLConnection connection = open("/completion", body);
        try (InputStream stream = responseOf(connection);
             BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    continue; // blank separators and ": ping" comments
                }
                JsonNode event = JSON.readTree(line.substring("data: ".length()));
                if (event.has("error")) {
                    throw new EngineException("the engine of " + id + " failed the completion: "
                            + event.path("error").path("message").asText(event.toString()));
                }
                onEvent.accept(event);
                if (event.path("stop").asBoolean(false)) {
                    return event;
                }
            }
        } catch (IOException e) {
            throw new EngineUnavailableException(id, "the completion broke off (" + e.getMessage() + ")");
        } finally {
            connection.disconnect(); // an unfinished stream's socket is closed: llama.cpp drops the sequence
        }
        throw new EngineUnavailableException(id, "the completion ended without its last event");
    }

    private HttpURLConnection open(String path, ObjectNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) server.baseUri().resolve(path).toURL().openConnection();
            connection.setConnectTimeout(5000);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            return connection;
        } catch (IOException e) {
            throw new EngineUnavailableException(id, path + " failed (" + e.getMessage() + ")");
        }
    }

    /** The body of a 200 answer; any other status is thrown as the engine's error. */
    private InputStream responseOf(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        if (status == 200) {
            return connection.getInputStream();
        }
        InputStream error = connection.getErrorStream();
        String text = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
        throw failure(status, text);
    }

    /**
     * A whole completion in one answer, without an event per token (with many sequences those cost
     * the engine CPU that decoding needs). Cancelling the future drops the connection, and llama.cpp
     * drops the sequence within a second.
     */
    CompletableFuture<JsonNode> completeWhole(ObjectNode body) {
        body.put("stream", false);
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/completion"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                throw new EngineUnavailableException(id, "the completion failed (" + error.getMessage() + ")");
            }
            if (response.statusCode() != 200) {
                throw failure(response.statusCode(), response.body());
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new EngineException("the engine of " + id + " answered /completion with no JSON: " + e.getMessage());
            }
        });
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpResponse<String> response = send(path, body, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new EngineException("the engine of " + id + " answered " + path + " with no JSON: " + e.getMessage());
        }
    }

    private <T> HttpResponse<T> send(String path, ObjectNode body, HttpResponse.BodyHandler<T> handler) {
        URI uri = server.baseUri().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new EngineUnavailableException(id, path + " failed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException(id, "interrupted during " + path);
        }
    }

    private EngineException failure(int status, String body) {
        String message = body;
        try {
            message = JSON.readTree(body).path("error").path("message").asText(body);
        } catch (IOException ignored) {
            // not JSON: keep the text
        }
        return status == 503 ? new EngineUnavailableException(id, message)
                : new EngineException("the engine of " + id + " answered " + status + ": " + message);
    }
}
