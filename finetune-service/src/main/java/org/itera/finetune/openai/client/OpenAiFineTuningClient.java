package org.itera.finetune.openai.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.itera.core.json.Json;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.config.OpenAiConfig;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * OpenAI's Files and fine-tuning jobs API through the Quarkus REST Client ({@link FilesAndJobsApi}):
 * upload a JSONL training file, create a job, read a job and its events. Each call is retried on
 * transient errors ({@link ApiRetry}); error texts are redacted of the API key.
 */
@ApplicationScoped
public class OpenAiFineTuningClient {

    private static final int EVENTS_LIMIT = 100;

    private final Optional<String> apiKey;
    private final ApiRetry retry;
    private final FilesAndJobsApi api;

    public OpenAiFineTuningClient(OpenAiConfig config, FinetuneConfig finetune) {
        this.apiKey = config.apiKey().filter(k -> !k.isBlank());
        this.retry = ApiRetry.from(finetune.retry());
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl().replaceAll("/+$", "")))
                .connectTimeout(20, TimeUnit.SECONDS).readTimeout(2, TimeUnit.MINUTES)
                .disableDefaultMapper(true).register(new ApiErrorMapper())
                .loggingMaskedHeaders(Set.of(HttpHeaders.AUTHORIZATION));
        apiKey.ifPresent(key -> builder.register((ClientRequestFilter) request ->
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + key)));
        this.api = builder.build(FilesAndJobsApi.class);
    }

    /** {@code POST /files} with {@code purpose=fine-tune}; returns the file id. */
    public String uploadTrainingFile(String filename, byte[] jsonl) {
        return call("upload " + filename, () -> api.uploadFile(ClientMultipartForm.create()
                .attribute("purpose", "fine-tune", null)
                .binaryFileUpload("file", filename, Buffer.buffer(jsonl), "application/jsonl"))).path("id").asText();
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
        return FineTuningJob.from(call("create job for " + suffix, () -> api.createJob(body)));
    }

    /** {@code GET /fine_tuning/jobs/{id}}. */
    public FineTuningJob job(String jobId) {
        return FineTuningJob.from(call("read job " + jobId, () -> api.job(jobId)));
    }

    /** {@code GET /fine_tuning/jobs/{id}/events}: the {@code data} array, newest first. */
    public JsonNode events(String jobId) {
        return call("read events of " + jobId, () -> api.events(jobId, EVENTS_LIMIT)).path("data");
    }

    /** Removes the API key from a text. */
    public String redact(String text) {
        return text == null || apiKey.isEmpty() ? text : text.replace(apiKey.get(), "***");
    }

    @PreDestroy
    void close() {
        api.close();
    }

    private JsonNode call(String what, Supplier<JsonNode> call) {
        return retry.run(what, () -> once(what, call));
    }

    /** One attempt, its failure as an {@link OpenAiApiException} naming {@code what} failed. */
    private JsonNode once(String what, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (OpenAiApiException e) {
            throw new OpenAiApiException(e.status(), redact(what + " failed: " + e.getMessage()), e.retryAfter());
        } catch (WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException) {
                throw new OpenAiApiException(200, what + ": the answer is not JSON");
            }
            throw new OpenAiApiException(e.getResponse().getStatus(), redact(what + " failed: " + e.getMessage()));
        } catch (ProcessingException e) {
            if (Thread.currentThread().isInterrupted() || causedByInterrupt(e)) {
                Thread.currentThread().interrupt();
                throw new CallInterruptedException(what + " interrupted");
            }
            throw new OpenAiApiException(0, redact(what + " failed: " + (e.getCause() == null ? e : e.getCause())));
        }
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
