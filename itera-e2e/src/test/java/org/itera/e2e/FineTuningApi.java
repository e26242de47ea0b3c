package org.itera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.itera.core.json.Json;

/** OpenAI's Files and fine-tuning jobs API of one model-server process, as a client calls it. */
final class FineTuningApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ServiceProcess server;

    FineTuningApi(ServiceProcess server) {
        this.server = server;
    }

    /** Uploads a training file ({@code POST /v1/files}, multipart, purpose fine-tune); its id. */
    String upload(String jsonl) throws Exception {
        String boundary = "itera-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"train.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return ok(HTTP.send(request, HttpResponse.BodyHandlers.ofString())).get("id").asText();
    }

    /** Creates a job on the local model; its id. */
    String create(String fileId, String suffix) throws Exception {
        return ok(server.post("/v1/fine_tuning/jobs", Json.mapper().createObjectNode().put("training_file", fileId)
                .put("model", "smollm2-135m").put("suffix", suffix).toString())).get("id").asText();
    }

    JsonNode job(String id) throws Exception {
        return ok(server.get("/v1/fine_tuning/jobs/" + id));
    }

    /** The job's event messages, oldest first. */
    List<String> events(String id) throws Exception {
        List<String> messages = new ArrayList<>();
        ok(server.get("/v1/fine_tuning/jobs/" + id + "/events?limit=100")).get("data")
                .forEach(e -> messages.add(0, e.get("message").asText()));
        return messages;
    }

    /** Waits until the job's status is one of {@code statuses}; the job then. */
    JsonNode await(String id, Set<String> statuses, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> statuses.contains(job(id).get("status").asText()));
        try {
            return job(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids of the served models ({@code GET /v1/models}). */
    List<String> models() throws Exception {
        List<String> ids = new ArrayList<>();
        ok(server.get("/v1/models")).get("data").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    /** A short greedy chat completion with {@code model}; the reply. */
    JsonNode chat(String model, String question) throws Exception {
        return ok(server.post("/v1/chat/completions", Json.mapper().createObjectNode().put("model", model)
                .put("max_tokens", 4).put("temperature", 0).set("messages", Json.mapper().createArrayNode()
                        .add(Json.mapper().createObjectNode().put("role", "user").put("content", question)))
                .toString()));
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.mapper().readTree(response.body());
    }
}
