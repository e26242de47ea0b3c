package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.cli.stack.ConsumerLag;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;

/**
 * The spine: the generator and filter services, packaged and started as separate JVMs over a
 * broker and a store; 20 PubMedQA tasks in, exact counts out, unchanged by redelivery; malformed
 * messages dead-lettered. Run by {@link PipelineIT} (embedded broker, mongo-java-server) and
 * {@link RealImagesIT} (the Kafka and MongoDB images).
 */
final class SpineScenario implements AutoCloseable {

    static final int TASKS = 20;

    private final ServiceStack stack;
    private final ServiceProcess generator;
    private final ServiceProcess filter;
    private final MongoDatabase db;

    private SpineScenario(ServiceStack stack) {
        this.stack = stack;
        this.generator = stack.services().get(0);
        this.filter = stack.services().get(1);
        this.db = stack.db();
    }

    static SpineScenario start(Infra infra) throws Exception {
        return new SpineScenario(ServiceStack.start(infra, Map.of("ITERA_LLM_MODEL", "gpt-4o-mini"),
                Duration.ofSeconds(120), "generator-service", "filter-service"));
    }

    void twentyTasksGiveExactCountsThatRedeliveryDoesNotChange() throws Exception {
        List<ObjectNode> tasks = PubMedQaTasks.first(TASKS);
        Set<String> ids = new HashSet<>();
        int right = script(tasks, ids);
        try (TopicWatcher topics = TopicWatcher.watch(stack.kafka(), "trajectories", "failures", "finetune-records")) {
            tasks.forEach(task -> topics.send("tasks", task.get("id").asText(), task.toString()));
            awaitFiled(ids, TASKS);
            assertCounts(topics, ids, right);

            tasks.forEach(task -> topics.send("tasks", task.get("id").asText(), task.toString()));
            topics.records("trajectories", ids::contains)
                    .forEach(r -> topics.send("trajectories", r.key(), r.value()));
            topics.await("trajectories", ids::contains, 3 * TASKS, Duration.ofSeconds(120));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    ConsumerLag.of(stack.kafka(), "filter-service", "trajectories") == 0);
            assertCounts(topics, ids, right);
        }
        assertThat(generator.logText() + filter.logText()).doesNotContain(OpenAiMockResource.TEST_API_KEY);
    }

    void malformedMessagesLandInTheDeadLetterTopicsAndBothServicesStayReady() throws Exception {
        try (TopicWatcher topics = TopicWatcher.watch(stack.kafka(), "tasks-dlq", "trajectories-dlq")) {
            topics.send("tasks", "e2e-garbage", "{\"id\": 42, oops");
            topics.send("trajectories", "e2e-garbage", "[]");
            var deadTask = topics.await("tasks-dlq", "e2e-garbage"::equals, 1, Duration.ofSeconds(60)).get(0);
            var deadTrajectory = topics.await("trajectories-dlq", "e2e-garbage"::equals, 1, Duration.ofSeconds(60)).get(0);
            assertThat(TopicWatcher.header(deadTask, "dead-letter-reason")).contains("not a JSON task object");
            assertThat(TopicWatcher.header(deadTrajectory, "dead-letter-reason")).contains("not a JSON trajectory");
        }
        assertThat(generator.get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(filter.get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    /** Scripts the team: the analyst always summarises; the solver is right on even rows only. */
    private int script(List<ObjectNode> tasks, Set<String> ids) {
        new OpenAiMock(stack.llm()).replyByDefault("gpt-4o-mini-2024-07-18", "The abstract reports a measured effect.");
        int right = 0;
        for (int i = 0; i < tasks.size(); i++) {
            ObjectNode task = tasks.get(i);
            ids.add(task.get("id").asText());
            String expected = task.get("answer").asText();
            String answer = i % 2 == 0 ? expected : PubMedQaTasks.wrongAnswer(expected);
            right += i % 2 == 0 ? 1 : 0;
            String question = task.get("question").asText();
            stack.llm().stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                    .withRequestBody(containing("You answer biomedical research questions"))
                    .withRequestBody(matchingJsonPath("$.messages[1].content", containing(question)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                            OpenAiMock.completionJson("gpt-4o-mini-2024-07-18", "Weighing the results.\nAnswer: " + answer, 300, 20))));
        }
        return right;
    }

    private void awaitFiled(Set<String> ids, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.getCollection("trajectories").countDocuments(new Document("published", true)
                        .append("taskId", new Document("$in", List.copyOf(ids)))) >= count);
    }

    private void assertCounts(TopicWatcher topics, Set<String> ids, int right) {
        int wrong = TASKS - right;
        var trajectoryDocs = db.getCollection("trajectories").find(new Document("taskId",
                new Document("$in", List.copyOf(ids)))).into(new ArrayList<>());
        assertThat(trajectoryDocs).hasSize(TASKS);
        assertThat(trajectoryDocs.stream().filter(d -> d.getBoolean("correct"))).hasSize(right);
        List<String> trajectoryIds = ids.stream().map(id -> id + "@r0#0").toList();
        assertThat(db.getCollection("experience").countDocuments(new Document("trajectoryId",
                new Document("$in", trajectoryIds)))).isEqualTo(2L * right);
        assertThat(topics.await("failures", ids::contains, wrong, Duration.ofSeconds(30))).hasSize(wrong);
        assertThat(topics.records("finetune-records", k -> ids.stream().anyMatch(k::startsWith))).hasSize(2 * right);
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }
}
