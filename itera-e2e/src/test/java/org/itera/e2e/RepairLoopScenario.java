package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.cli.stack.ConsumerLag;
import org.itera.core.json.Json;
import org.itera.testing.OpenAiMock;
import org.itera.testing.TopicWatcher;

/**
 * The repair loop: generator, filter and feedback services as separate processes over a broker
 * and a store; one task is wrong at first, repaired and rescued; another stays wrong and is
 * exhausted after its budget of two repairs. Counts are exact and stay exact after redelivery.
 * Run by {@link RepairLoopIT} and {@link RealImagesIT}.
 */
final class RepairLoopScenario implements AutoCloseable {

    static final String REPHRASED = "REPAIRED-SUMMARY: the abstract's main result, stated plainly.";

    private final ServiceStack stack;
    private final ServiceProcess filter;
    private final ServiceProcess feedback;
    private final MongoDatabase db;

    private RepairLoopScenario(ServiceStack stack) {
        this.stack = stack;
        this.filter = stack.services().get(1);
        this.feedback = stack.services().get(2);
        this.db = stack.db();
    }

    static RepairLoopScenario start(Infra infra) throws Exception {
        return new RepairLoopScenario(ServiceStack.start(infra, Map.of("ITERA_REPAIR_MAX_ATTEMPTS", "2"),
                Duration.ofSeconds(120), "generator-service", "filter-service", "feedback-service"));
    }

    void aRescuedTaskEntersTheLibraryAsRegeneratedAndAHopelessOneIsExhausted() throws Exception {
        List<ObjectNode> tasks = PubMedQaTasks.rows(40, 2);
        ObjectNode rescued = tasks.get(0);
        ObjectNode hopeless = tasks.get(1);
        script(rescued, hopeless);
        String a = rescued.get("id").asText();
        String b = hopeless.get("id").asText();
        String run = "run-e2e-" + UUID.randomUUID();
        tasks.forEach(task -> task.put("run", run));
        try (TopicWatcher topics = TopicWatcher.watch(stack.kafka(), "failures", "regenerated")) {
            tasks.forEach(task -> topics.send("tasks", task.get("id").asText(), task.toString()));
            awaitFiled(b + "@r0#2");
            awaitFiled(a + "@r0#1");
            assertExactCounts(topics, a, b, 0);

            topics.records("failures", k -> k.equals(a) || k.equals(b)).forEach(r -> topics.send("failures", r.key(), r.value()));
            topics.records("regenerated", k -> k.equals(a) || k.equals(b)).forEach(r -> topics.send("regenerated", r.key(), r.value()));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() ->
                    ConsumerLag.of(stack.kafka(), "feedback-service", "failures") == 0
                            && ConsumerLag.of(stack.kafka(), "filter-service", "regenerated") == 0);
            assertExactCounts(topics, a, b, 1);
        }

        Document library = db.getCollection("experience").find(new Document("_id", a + "@r0#1/analyst")).first();
        assertThat(library.getString("origin")).isEqualTo("regenerated");
        List<Document> messages = library.getList("messages", Document.class);
        Document original = db.getCollection("trajectories").find(new Document("_id", a + "@r0#0")).first();
        Document originalAnalyst = original.getList("turns", Document.class).get(0);
        assertThat(messages.get(1).getString("content"))
                .isEqualTo(originalAnalyst.getList("messages", Document.class).get(1).getString("content"))
                .doesNotContain("A reviewer looked at your answer");
        assertThat(messages.get(2).getString("content")).isEqualTo(REPHRASED);

        JsonNode lineage = Json.mapper().readTree(filter.get("/trajectories/"
                + URLEncoder.encode(b + "@r0#2", StandardCharsets.UTF_8) + "/lineage").body());
        assertThat(lineage.get("attempts")).extracting(n -> n.get("attempt").asInt()).containsExactly(0, 1, 2);
        JsonNode stats = Json.mapper().readTree(filter.get("/library/stats").body());
        JsonNode analyst = stats.at("/repairs/bySubject/pubmedqa/analyst");
        assertThat(analyst.get("repaired").asInt()).isEqualTo(3);
        assertThat(analyst.get("rescued").asInt()).isEqualTo(1);
        assertThat(analyst.get("exhausted").asInt()).isEqualTo(1);
        assertThat(filter.get("/q/metrics").body()).contains("itera_repairs_graded_total");
        assertRunReport(run);
    }

    /** GET /runs/{id} on filter-service, and the repair loop paused and resumed on feedback-service. */
    private void assertRunReport(String run) throws Exception {
        JsonNode report = Json.mapper().readTree(filter.get("/runs/" + run).body());
        assertThat(report.get("tasks").get("graded").asInt()).isEqualTo(2);
        assertThat(report.get("tasks").get("rescued").asInt()).isEqualTo(1);
        assertThat(report.get("tasks").get("exhausted").asInt()).isEqualTo(1);
        assertThat(report.get("tasks").get("waitingForRepair").asInt()).isZero();
        assertThat(report.at("/repairs/total/repaired").asInt()).isEqualTo(3);
        assertThat(report.at("/experience/byOrigin/regenerated").asInt()).isEqualTo(2);
        assertThat(report.at("/repairLoop/paused").asBoolean(true)).isFalse();

        assertThat(feedback.post("/repairs/pause", "").body()).contains("\"paused\":true");
        assertThat(Json.mapper().readTree(filter.get("/runs/" + run).body()).at("/repairLoop/paused").asBoolean())
                .isTrue();
        assertThat(feedback.post("/repairs/resume", "").body()).contains("\"paused\":false");
    }

    /** The services' own output is exact; {@code resent} counts the copies the test itself wrote. */
    private void assertExactCounts(TopicWatcher topics, String a, String b, int resent) {
        assertThat(ids("trajectories", a)).containsExactlyInAnyOrder(a + "@r0#0", a + "@r0#1");
        assertThat(ids("trajectories", b)).containsExactlyInAnyOrder(b + "@r0#0", b + "@r0#1", b + "@r0#2");
        assertThat(db.getCollection("trajectories").find(new Document("_id", b + "@r0#2")).first().getString("repairStatus"))
                .isEqualTo("exhausted");
        assertThat(db.getCollection("experience").countDocuments(new Document("trajectoryId",
                new Document("$in", List.of(a + "@r0#0", a + "@r0#1", b + "@r0#0", b + "@r0#1", b + "@r0#2"))))).isEqualTo(2);
        int expected = 3 * (1 + resent);
        assertThat(topics.await("failures", k -> k.equals(a) || k.equals(b), expected, Duration.ofSeconds(30))).hasSize(expected);
        assertThat(topics.await("regenerated", k -> k.equals(a) || k.equals(b), expected, Duration.ofSeconds(30))).hasSize(expected);
    }

    private List<String> ids(String collection, String taskId) {
        return db.getCollection(collection).find(new Document("taskId", taskId))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private void awaitFiled(String trajectoryId) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.getCollection("trajectories").countDocuments(new Document("_id", trajectoryId).append("published", true)) == 1);
    }

    /** The solver is right on the first task only once its analyst's summary was repaired. */
    private void script(ObjectNode rescued, ObjectNode hopeless) {
        OpenAiMock mock = new OpenAiMock(stack.llm());
        mock.replyByDefault("gpt-4o-mini", "The abstract reports a measured effect.");
        mock.replyWhen(List.of("You review the work of a team"), "gpt-4o", "The analyst ignored the primary outcome.", 1);
        mock.replyWhen(List.of("A reviewer looked at your answer above"), "gpt-4o-mini", "Reconsidered: the primary outcome matters.", 1);
        mock.replyWhen(List.of("Rewrite the draft as a clean, direct answer"), "gpt-4o-mini", REPHRASED, 1);
        solver(rescued, true, REPHRASED, 2);
        solver(rescued, false, null, 3);
        solver(hopeless, false, null, 3);
    }

    private void solver(ObjectNode task, boolean right, String whenSeen, int priority) {
        String expected = task.get("answer").asText();
        String answer = right ? expected : PubMedQaTasks.wrongAnswer(expected);
        var request = post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(priority)
                .withRequestBody(containing("You answer biomedical research questions"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(task.get("question").asText())));
        if (whenSeen != null) {
            request = request.withRequestBody(containing(whenSeen));
        }
        stack.llm().stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.completionJson("gpt-4o-mini", "Weighing it up.\nAnswer: " + answer, 300, 20))));
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }
}
