package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.json.Json;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * docker-compose.yml itself, brought up by Testcontainers' compose support ({@link ComposeStack}:
 * {@code docker compose up -d --build}, the services' images built from their packaged jars) with a
 * WireMock for OpenAI added: every service's readiness (its compose healthcheck and
 * {@code /q/health/ready}; the one-shot topic creator exited 0), then one task pushed to
 * generator-service's {@code POST /tasks} and seen graded (filter-service's {@code GET /runs/{id}}
 * and the {@code trajectories} collection) and trained on (finetune-service's dataset). Skipped
 * without a Docker engine, or without the docker CLI's compose plugin.
 */
@ExtendWith(DockerRequired.class)
@Testcontainers(disabledWithoutDocker = true)
class ComposeIT {

    static ComposeStack stack;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(ComposeStack.composeV2(), "ComposeIT skipped: it runs the docker CLI's `docker compose` (Compose V2),"
                + " which is not on the PATH; see README.md, \"Tests against the real images (Docker)\"");
        stack = ComposeStack.up();
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyServiceIsReady() throws Exception {
        for (String service : ComposeStack.HEALTHCHECKED) {
            assertThat(stack.container(service).isHealthy()).as("%s's compose healthcheck", service).isTrue();
        }
        assertThat(stack.container("kafka-init").getCurrentContainerInfo().getState().getExitCodeLong())
                .as("kafka-init's exit code").isZero();
        for (String service : ComposeStack.PORTS.keySet()) {
            assertThat(stack.get(service, "/q/health/ready").statusCode()).as("%s /q/health/ready", service).isEqualTo(200);
        }
    }

    @Test
    void aPushedTaskIsGradedFiledAndTrainedOn() throws Exception {
        String run = "compose-it-" + UUID.randomUUID().toString().substring(0, 8);
        String id = "compose-physics/" + run;
        WireMock llm = stack.openAiMock();
        llm.register(WireMock.post(urlEqualTo(OpenAiMock.CHAT_PATH)).willReturn(WireMock.aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.completionJson("gpt-4o-mini-2024-07-18", "v = d / t = 20 m / 10 s.\nAnswer: 2", 300, 12))));
        String task = Json.mapper().createObjectNode().put("id", id).put("run", run).put("setting", "problem-solving")
                .put("subject", "physics").put("question", "Run " + run + ": a cart covers 20 m in 10 s. What is its speed in m/s?")
                .put("answer", "2").put("split", "train").toString();

        var pushed = stack.post("generator-service", "/tasks", "[" + task + "]");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);

        JsonNode report = Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> runReport(run), r -> r != null && r.at("/tasks/graded").asInt() == 1);
        assertThat(report.at("/tasks/right").asInt()).isEqualTo(1);
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            List<Document> filed = mongo.getDatabase("itera").getCollection("trajectories")
                    .find(new Document("taskId", id)).into(new ArrayList<>());
            assertThat(filed).singleElement().satisfies(d -> {
                assertThat(d.getBoolean("published")).isTrue();
                assertThat(d.getBoolean("correct")).isTrue();
            });
        }
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.get("finetune-service", "/datasets/physics-physicist.jsonl").body().contains(run));
        llm.verifyThat(moreThanOrExactly(3), postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiMockResource.TEST_API_KEY)));
    }

    private static JsonNode runReport(String run) throws Exception {
        var response = stack.get("filter-service", "/runs/" + run);
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
    }
}
