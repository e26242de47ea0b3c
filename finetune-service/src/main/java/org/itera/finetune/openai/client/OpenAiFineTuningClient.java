package org.itera.finetune.openai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.itera.core.json.Json;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.config.OpenAiConfig;

/**
 * OpenAI's Files and fine-tuning jobs API over the JDK HttpClient: upload a JSONL training file,
 * create a job, read a job and its events. Each call is retried on transient errors
 * ({@link ApiRetry}); error texts are redacted of the API key.
 */
@ApplicationScoped
public class OpenAiFineTuningClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final String baseUrl;
    private final Optional<String> apiKey;
    private final ApiRetry retry;

    public OpenAiFineTuningClient(OpenAiConfig config, FinetuneConfig finetune) {
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
        this.apiKey = config.apiKey().filter(k -> !k.isBlank());
        this.retry = ApiRetry.from(finetune.retry());
    }

    /** {@code POST /files} with {@code purpose=fine-tune}; returns the file id. */
    public String uploadTrainingFile(String filename, byte[] jsonl) {
        Multipart form = new Multipart().field("purpose", "fine-tune")
                .file("file", filename, "application/jsonl", jsonl);
        HttpRequest.Builder request = request("/files").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.build()));
        return send(request, "upload " + filename).path("id").asText();
    }

    /**
     * {@code POST /fine_tuning/jobs}; {@code seed}, when present, is the job's {@code seed} (the
     * same seed, data and hyperparameters train the same model again), else the API picks one.
     */
    public FineTuningJob createJob(String trainingFile, String model, String suffix, JobHyperparameters hyperparameters,
            Optional<Integer> seed) {
        ObjectNode body = Json.mapper().createObjectNode().put("training_file", trainingFile).put("model", model)
                .put("suffix", suffix);
        hyperparameters.addTo(body);
        seed.ifPresent(value -> body.put("seed", value));
        HttpRequest.Builder request = request("/fine_tuning/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return FineTuningJob.from(send(request, "create job for " + suffix));
    }

    /** {@code GET /fine_tuning/jobs/{id}}. */
    public FineTuningJob job(String jobId) {
        return FineTuningJob.from(send(request("/fine_tuning/jobs/" + encode(jobId)).GET(), "read job " + jobId));
    }

    /** {@code GET /fine_tuning/jobs/{id}/events}: the {@code data} array, newest first. */
    public JsonNode events(String jobId) {
        return send(request("/fine_tuning/jobs/" + encode(jobId) + "/events?limit=100").GET(), "read events of " + jobId)
                .path("data");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder, String what) {
        HttpRequest request = builder.build();
        return retry.run(what, () -> sendOnce(request, what));
    }

    private JsonNode sendOnce(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OpenAiApiException(0, redact(what + " failed: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(what + " interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new OpenAiApiException(response.statusCode(),
                    redact(what + " failed: HTTP " + response.statusCode() + ": " + errorOf(response.body())));
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new OpenAiApiException(response.statusCode(), what + ": the answer is not JSON");
        }
    }

    private static String errorOf(String body) {
        try {
            JsonNode message = Json.mapper().readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: use the text
        }
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** Removes the API key from a text. */
    public String redact(String text) {
        return text == null || apiKey.isEmpty() ? text : text.replace(apiKey.get(), "***");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
