package org.itera.finetune;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.function.Supplier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.itera.core.json.Json;

/**
 * OpenAI's Files and fine-tuning jobs API on WireMock, with the JSON OpenAI returns: an upload,
 * a job per suffix, and a scenario per job (validating_files, running, then succeeded or failed);
 * transient (503, 429) and permanent (400) errors in OpenAI's error shape.
 */
final class FineTuningMock {

    static final String FILE_ID = "file-Xq7Lm2fT9ZbKc4RwVn3Hd1";
    static final String BASE = "gpt-4o-mini-2024-07-18";

    private final WireMockServer server;

    FineTuningMock(WireMockServer server) {
        this.server = server;
    }

    FineTuningMock upload(int delayMs) {
        ObjectNode file = Json.mapper().createObjectNode().put("object", "file").put("id", FILE_ID)
                .put("purpose", "fine-tune").put("filename", "train.jsonl").put("bytes", 48211)
                .put("created_at", 1_764_000_000L).put("status", "processed").putNull("status_details");
        server.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(200).withFixedDelay(delayMs)
                .withHeader("Content-Type", "application/json").withBody(file.toString())));
        return this;
    }

    /** The upload of files named {@code <name>...} answers 503, then 429, then as {@link #upload} does. */
    FineTuningMock uploadFailsTwiceFor(String name) {
        return twoTransientErrors("upload " + name, () -> post(urlEqualTo("/v1/files"))
                .withRequestBody(WireMock.containing("filename=\"" + name)));
    }

    /** The upload of files named {@code <name>...} is refused with 400 and OpenAI's error message. */
    FineTuningMock uploadRejectedFor(String name, String message) {
        server.stubFor(post(urlEqualTo("/v1/files")).atPriority(1).withRequestBody(WireMock.containing("filename=\"" + name))
                .willReturn(error(400, message, "invalid_request_error")));
        return this;
    }

    /** Creating a job for suffixes containing {@code name} answers 503, then 429, then as usual. */
    FineTuningMock createFailsTwiceFor(String name) {
        return twoTransientErrors("create " + name, () -> post(urlEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.suffix", WireMock.containing(name))));
    }

    private FineTuningMock twoTransientErrors(String scenario, Supplier<MappingBuilder> request) {
        server.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "The engine is currently overloaded, please try again later", "server_error"))
                .willSetStateTo("rate-limited"));
        server.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs("rate-limited")
                .willReturn(error(429, "Rate limit reached for requests", "requests").withHeader("Retry-After", "0"))
                .willSetStateTo("recovered"));
        return this;
    }

    private static ResponseDefinitionBuilder error(int status, String message, String type) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** A job for suffixes containing {@code name} that ends with {@code fineTunedModel}. */
    FineTuningMock succeeds(String name, String fineTunedModel) {
        return job(name, job(name, "succeeded").put("fine_tuned_model", fineTunedModel).put("trained_tokens", 18432));
    }

    /** A job for suffixes containing {@code name} that fails with the error. */
    FineTuningMock fails(String name, String code, String message) {
        ObjectNode failed = job(name, "failed");
        failed.putObject("error").put("code", code).put("message", message).putNull("param");
        return job(name, failed);
    }

    private FineTuningMock job(String name, ObjectNode last) {
        String id = "ftjob-" + name;
        String path = "/v1/fine_tuning/jobs/" + id;
        server.stubFor(post(urlEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.suffix", WireMock.containing(name)))
                .willReturn(okJson(job(name, "validating_files"))));
        String scenario = "job " + id;
        server.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(job(name, "validating_files"))).willSetStateTo("running"));
        server.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("running")
                .willReturn(okJson(job(name, "running"))).willSetStateTo("ended"));
        server.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("ended")
                .willReturn(okJson(last)));
        server.stubFor(get(urlPathEqualTo(path + "/events")).willReturn(okJson(events(id, last))));
        return this;
    }

    private static ObjectNode job(String name, String status) {
        ObjectNode job = Json.mapper().createObjectNode().put("object", "fine_tuning.job").put("id", "ftjob-" + name)
                .put("model", BASE).put("created_at", 1_764_000_100L).putNull("finished_at")
                .putNull("fine_tuned_model").put("organization_id", "org-itera").put("status", status)
                .putNull("validation_file").put("training_file", FILE_ID).putNull("trained_tokens")
                .put("seed", 1234).putNull("estimated_finish");
        job.putArray("result_files");
        job.putObject("error");
        job.putObject("hyperparameters").put("n_epochs", 3).put("batch_size", "auto")
                .put("learning_rate_multiplier", "auto");
        return job;
    }

    private static ObjectNode events(String id, ObjectNode last) {
        ObjectNode body = Json.mapper().createObjectNode().put("object", "list").put("has_more", false);
        var data = body.putArray("data");
        String end = "succeeded".equals(last.get("status").asText()) ? "The job has successfully completed"
                : "The job failed: " + last.path("error").path("message").asText();
        data.addObject().put("object", "fine_tuning.job.event").put("id", "ftevent-" + id + "-3")
                .put("created_at", 1_764_000_900L).put("level", "succeeded".equals(last.get("status").asText()) ? "info" : "error")
                .put("message", end).putNull("data").put("type", "message");
        data.addObject().put("object", "fine_tuning.job.event").put("id", "ftevent-" + id + "-2")
                .put("created_at", 1_764_000_500L).put("level", "info").put("message", "Fine-tuning job started")
                .putNull("data").put("type", "message");
        data.addObject().put("object", "fine_tuning.job.event").put("id", "ftevent-" + id + "-1")
                .put("created_at", 1_764_000_100L).put("level", "info").put("message", "Validating training file: " + FILE_ID)
                .putNull("data").put("type", "message");
        return body;
    }

    private static ResponseDefinitionBuilder okJson(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }
}
