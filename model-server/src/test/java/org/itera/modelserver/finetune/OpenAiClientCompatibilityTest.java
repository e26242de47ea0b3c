package org.itera.modelserver.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The exact requests finetune-service's OpenAiFineTuningClient sends (the Quarkus REST Client: a
 * multipart body encoded as its ClientMultipartForm encodes it, the purpose field first, base URL
 * ending in /v1), and the fields its FineTuningJob reads from the answers.
 */
@QuarkusTest
@TestProfile(FakeTrainerProfile.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class OpenAiClientCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1")
    URI baseUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    @Test
    void uploadCreatePollAndEventsAsFinetuneServiceDoesThem() throws Exception {
        // as the REST client (Netty's encoder) writes it: lower-case part headers with a length each,
        // the purpose as text/plain, the file as a binary part
        String boundary = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] jsonl = TrainingData.arithmetic(5, "").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\ncontent-disposition: form-data; name=\"purpose\"\r\ncontent-length: 9\r\n"
                + "content-type: text/plain; charset=UTF-8\r\n\r\nfine-tune\r\n");
        write(body, "--" + boundary + "\r\ncontent-disposition: form-data; name=\"file\"; filename=\"pubmedqa-solver-r1.jsonl\""
                + "\r\ncontent-length: " + jsonl.length + "\r\ncontent-type: application/jsonl\r\n"
                + "content-transfer-encoding: binary\r\n\r\n");
        body.writeBytes(jsonl);
        write(body, "\r\n--" + boundary + "--\r\n");
        JsonNode file = send(request("/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String fileId = file.path("id").asText();
        assertThat(fileId).startsWith("file-");
        assertThat(file.path("filename").asText()).isEqualTo("pubmedqa-solver-r1.jsonl");
        assertThat(file.path("bytes").asLong()).isEqualTo(jsonl.length);
        assertThat(file.path("purpose").asText()).isEqualTo("fine-tune");

        ObjectNode create = JSON.createObjectNode().put("training_file", fileId).put("model", "smollm2-135m")
                .put("suffix", "pubmedqa-solver-r1");
        create.putObject("hyperparameters").put("n_epochs", 2);
        JsonNode job = send(request("/fine_tuning/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(create.toString())));
        String jobId = job.path("id").asText();
        assertThat(job.path("status").asText()).isIn("validating_files", "queued", "running");
        assertThat(job.path("training_file").asText()).isEqualTo(fileId);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Set.of("succeeded", "failed", "cancelled").contains(job.path("status").asText())) {
            if (Instant.now().isAfter(deadline)) {
                fail("job still " + job.path("status").asText());
            }
            Thread.sleep(250);
            job = send(request("/fine_tuning/jobs/" + jobId).GET());
        }
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(job.path("fine_tuned_model").asText()).startsWith("ft:").endsWith(jobId.substring(jobId.length() - 8));
        assertThat(job.path("error").isNull()).isTrue();
        assertThat(job.get("trained_tokens").isIntegralNumber()).isTrue();
        assertThat(job.path("model").asText()).isEqualTo(SmolLm2ModelResource.MODEL_ID);

        JsonNode events = send(request("/fine_tuning/jobs/" + jobId + "/events?limit=100").GET()).path("data");
        assertThat(events.isArray()).isTrue();
        assertThat(events.get(0).path("message").asText()).isEqualTo("The job has successfully completed");
        assertThat(events.get(events.size() - 1).path("message").asText()).startsWith("Created fine-tuning job");

        // the failed-job path: FineTuningJob reads error.code and error.message
        ObjectNode bad = create.deepCopy().put("model", "gpt-4o-mini-2024-07-18");
        String failedId = send(request("/fine_tuning/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bad.toString()))).path("id").asText();
        JsonNode failed = send(request("/fine_tuning/jobs/" + failedId).GET());
        while (!failed.path("status").asText().equals("failed")) {
            Thread.sleep(250);
            failed = send(request("/fine_tuning/jobs/" + failedId).GET());
        }
        assertThat(failed.path("error").path("code").asText()).isEqualTo("model_not_found");
        assertThat(failed.path("error").path("message").asText()).contains("gpt-4o-mini-2024-07-18");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
