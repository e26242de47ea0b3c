package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.json.Json;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;

/**
 * A fine-tuning round against the OpenAI mock's Files and fine-tuning API: generator, filter and
 * finetune services as separate processes; ten solved physics tasks give each role ten examples, a
 * round fine-tunes them (the synthesizer's job fails), and the generator's next calls for the
 * physicist and the mathematician carry their new models while the synthesizer keeps the base
 * model. Run by {@link FineTuneLoopIT} and {@link RealImagesIT}.
 */
final class FineTuneRoundScenario implements AutoCloseable {

    static final String PHYSICIST = "ft:gpt-4o-mini-2024-07-18:itera:physics-physicist-r1:e2e001";
    static final String MATHEMATICIAN = "ft:gpt-4o-mini-2024-07-18:itera:physics-mathematician-r1:e2e002";

    private final ServiceStack stack;
    private final WireMockServer llm;
    private final List<ServiceProcess> services;
    private final MongoDatabase db;

    private FineTuneRoundScenario(ServiceStack stack) {
        this.stack = stack;
        this.llm = stack.llm();
        this.services = stack.services();
        this.db = stack.db();
    }

    static FineTuneRoundScenario start(Infra infra) throws Exception {
        return new FineTuneRoundScenario(ServiceStack.start(infra, Map.of("ITERA_LLM_MODEL", "gpt-4o-mini",
                "ITERA_FINETUNE_THRESHOLD", "10", "ITERA_FINETUNE_AUTO_DELAY", "3s",
                "ITERA_FINETUNE_POLL_INITIAL", "200ms", "ITERA_FINETUNE_POLL_MAX", "1s"), Duration.ofSeconds(180),
                "generator-service", "filter-service", "finetune-service"));
    }

    void aRoundTrainsTwoRolesAndTheGeneratorsNextCallsUseTheirNewModels() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        new OpenAiMock(llm).replyByDefault("gpt-4o-mini-2024-07-18", "Speed is distance over time.");
        new FineTuningStubs(llm).succeeds("physics-physicist", PHYSICIST).succeeds("physics-mathematician", MATHEMATICIAN)
                .fails("physics-synthesizer", "invalid_training_file", "Training file has too few distinct examples.");
        List<ObjectNode> train = IntStream.rangeClosed(1, 10).mapToObj(i -> task(run, i)).toList();
        try (TopicWatcher topics = TopicWatcher.watch(stack.kafka(), "model-updates")) {
            train.forEach(t -> topics.send("tasks", t.get("id").asText(), t.toString()));
            var updates = topics.await("model-updates", k -> k.startsWith("physics-"), 2, Duration.ofSeconds(240));
            assertThat(updates).extracting(r -> r.key()).containsExactlyInAnyOrder("physics-physicist", "physics-mathematician");
            updates.forEach(r -> assertThat(r.value()).doesNotContain(OpenAiMockResource.TEST_API_KEY));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String log = services.get(0).logText();
            return log.contains("agent physics-physicist now uses " + PHYSICIST)
                    && log.contains("agent physics-mathematician now uses " + MATHEMATICIAN);
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> db.getCollection("finetune_jobs")
                .countDocuments(new Document("agent", "physics-synthesizer").append("status", "failed")) == 1);
        Document failed = db.getCollection("finetune_jobs").find(new Document("agent", "physics-synthesizer")).first();
        assertThat(failed.getString("reason")).contains("invalid_training_file", "too few distinct examples");

        ObjectNode next = task(run, 11);
        String question = next.get("question").asText();
        try (TopicWatcher topics = TopicWatcher.watch(stack.kafka(), "trajectories")) {
            topics.send("tasks", next.get("id").asText(), next.toString());
            topics.await("trajectories", next.get("id").asText()::equals, 1, Duration.ofSeconds(60));
        }
        assertModel(question, "You are a physicist", PHYSICIST);
        assertModel(question, "You are a mathematician", MATHEMATICIAN);
        assertModel(question, "You give a team's final answer", "gpt-4o-mini");

        JsonNode models = Json.mapper().readTree(services.get(2).get("/models").body());
        assertThat(models.at("/current/physics-physicist/model").asText()).isEqualTo(PHYSICIST);
        assertThat(models.at("/current/physics-synthesizer").isMissingNode()).isTrue();
        String dataset = services.get(2).get("/datasets/physics-physicist.jsonl").body();
        // the ten trained examples, and the eleventh task's once the filter has passed it on
        assertThat(dataset.lines().filter(l -> l.contains(run)).count()).isBetween(10L, 11L);
        assertThat(dataset.lines().filter(l -> l.contains(run))).allMatch(l -> l.startsWith("{\"messages\":[{\"role\":\"system\""));
        for (ServiceProcess service : services) {
            assertThat(service.logText()).doesNotContain(OpenAiMockResource.TEST_API_KEY);
        }
    }

    private void assertModel(String question, String rolePrompt, String model) {
        llm.verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(question)))
                .withRequestBody(containing(rolePrompt))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model))));
    }

    /** Task i: a cart covers 10·i m in 10 s; the synthesizer answers i, which is right. */
    private ObjectNode task(String run, int i) {
        String question = "Run " + run + ", case " + i + ": a cart covers " + (10 * i) + " m in 10 s. What is its speed in m/s?";
        llm.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                .withRequestBody(containing("You give a team's final answer"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(question)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        OpenAiMock.completionJson("gpt-4o-mini-2024-07-18", "v = d / t.\nAnswer: " + i, 400, 12))));
        return Json.mapper().createObjectNode().put("id", "e2e-physics/" + run + "-" + i).put("setting", "problem-solving")
                .put("subject", "physics").put("question", question).put("answer", Integer.toString(i)).put("split", "train");
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }
}
