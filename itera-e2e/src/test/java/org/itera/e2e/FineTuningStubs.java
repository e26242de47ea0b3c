package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.itera.core.json.Json;

/** OpenAI's Files and fine-tuning jobs API on WireMock: one job per suffix, running then ended. */
final class FineTuningStubs {

    static final String FILE_ID = "file-E2eTrain0000000000001";

    private final WireMockServer server;

    FineTuningStubs(WireMockServer server) {
        this.server = server;
        server.stubFor(post(urlEqualTo("/v1/files")).willReturn(json(Json.mapper().createObjectNode()
                .put("object", "file").put("id", FILE_ID).put("purpose", "fine-tune").put("filename", "train.jsonl")
                .put("bytes", 30512).put("created_at", 1_764_000_000L).put("status", "processed"))));
    }

    FineTuningStubs succeeds(String agent, String fineTunedModel) {
        return job(agent, job(agent, "succeeded").put("fine_tuned_model", fineTunedModel).put("trained_tokens", 9120));
    }

    FineTuningStubs fails(String agent, String code, String message) {
        ObjectNode failed = job(agent, "failed");
        failed.putObject("error").put("code", code).put("message", message).putNull("param");
        return job(agent, failed);
    }

    /** The agent's job stays {@code running}, however often it is read, until {@link #release}. */
    FineTuningStubs runsUntilReleased(String agent) {
        return job(agent, job(agent, "running"));
    }

    /** From now on the agent's job (made to run by {@link #runsUntilReleased}) has succeeded. */
    void release(String agent, String fineTunedModel) {
        ObjectNode succeeded = job(agent, "succeeded").put("fine_tuned_model", fineTunedModel).put("trained_tokens", 9120);
        server.stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/ftjob-" + agent)).atPriority(1).willReturn(json(succeeded)));
        server.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-" + agent + "/events")).atPriority(1)
                .willReturn(json(events(agent, "succeeded"))));
    }

    private FineTuningStubs job(String agent, ObjectNode end) {
        String id = "ftjob-" + agent;
        server.stubFor(post(urlEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.suffix", containing(agent + "-r")))
                .willReturn(json(job(agent, "validating_files"))));
        server.stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/" + id)).inScenario(id).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(job(agent, "running"))).willSetStateTo("ended"));
        server.stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/" + id)).inScenario(id).whenScenarioStateIs("ended")
                .willReturn(json(end)));
        server.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/" + id + "/events"))
                .willReturn(json(events(agent, end.get("status").asText()))));
        return this;
    }

    private static ObjectNode events(String agent, String status) {
        ObjectNode events = Json.mapper().createObjectNode().put("object", "list").put("has_more", false);
        events.putArray("data").addObject().put("object", "fine_tuning.job.event").put("id", "ftevent-" + agent)
                .put("created_at", 1_764_000_600L).put("level", "info").put("message", "Job " + status)
                .putNull("data").put("type", "message");
        return events;
    }

    private static ObjectNode job(String agent, String status) {
        ObjectNode job = Json.mapper().createObjectNode().put("object", "fine_tuning.job").put("id", "ftjob-" + agent)
                .put("model", "gpt-4o-mini-2024-07-18").put("created_at", 1_764_000_100L).putNull("fine_tuned_model")
                .put("organization_id", "org-itera").put("status", status).put("training_file", FILE_ID)
                .putNull("validation_file").putNull("trained_tokens").put("seed", 42);
        job.putArray("result_files");
        job.putObject("error");
        job.putObject("hyperparameters").put("n_epochs", "auto");
        return job;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }
}
