package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.itera.cli.stack.ConsumerLag;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator and filter services, packaged and started as separate JVMs, over a real Kafka
 * broker and a MongoDB-wire store: 20 PubMedQA tasks in, exact counts out, unchanged by redelivery.
 */
class PipelineIT {

    static final int TASKS = 20;
    static WireMockServer llm;
    static ServiceProcess generator;
    static ServiceProcess filter;
    static MongoClient mongo;
    static MongoDatabase db;

    @BeforeAll
    static void startPipeline() throws Exception {
        String kafka = KafkaBrokerResource.bootstrapServers();
        String mongoUri = MongoServerResource.connectionString();
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", mongoUri,
                "OPENAI_BASE_URL", llm.baseUrl() + "/v1", "OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY,
                "ITERA_LLM_MODEL", "gpt-4o-mini");
        generator = ServiceProcess.start("generator-service", env);
        filter = ServiceProcess.start("filter-service", env);
        generator.awaitReady(Duration.ofSeconds(120));
        filter.awaitReady(Duration.ofSeconds(120));
        mongo = MongoClients.create(mongoUri);
        db = mongo.getDatabase("itera");
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {generator, filter, mongo}) {
            if (c != null) {
                c.close();
            }
        }
        if (llm != null) {
            llm.stop();
        }
    }

    @Test
    void twentyTasksGiveExactCountsThatRedeliveryDoesNotChange() throws Exception {
        List<ObjectNode> tasks = PubMedQaTasks.first(TASKS);
        Set<String> ids = new HashSet<>();
        int right = script(tasks, ids);
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(),
                "trajectories", "failures", "finetune-records")) {
            tasks.forEach(task -> topics.send("tasks", task.get("id").asText(), task.toString()));
            awaitFiled(ids, TASKS);
            assertCounts(topics, ids, right);

            tasks.forEach(task -> topics.send("tasks", task.get("id").asText(), task.toString()));
            topics.records("trajectories", ids::contains)
                    .forEach(r -> topics.send("trajectories", r.key(), r.value()));
            topics.await("trajectories", ids::contains, 3 * TASKS, Duration.ofSeconds(120));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    ConsumerLag.of(KafkaBrokerResource.bootstrapServers(), "filter-service", "trajectories") == 0);
            assertCounts(topics, ids, right);
        }
        assertThat(generator.logText() + filter.logText()).doesNotContain(OpenAiMockResource.TEST_API_KEY);
    }

    @Test
    void malformedMessagesLandInTheDeadLetterTopicsAndBothServicesStayReady() throws Exception {
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks-dlq", "trajectories-dlq")) {
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
    private static int script(List<ObjectNode> tasks, Set<String> ids) {
        new OpenAiMock(llm).replyByDefault("gpt-4o-mini-2024-07-18", "The abstract reports a measured effect.");
        int right = 0;
        for (int i = 0; i < tasks.size(); i++) {
            ObjectNode task = tasks.get(i);
            ids.add(task.get("id").asText());
            String expected = task.get("answer").asText();
            String answer = i % 2 == 0 ? expected : PubMedQaTasks.wrongAnswer(expected);
            right += i % 2 == 0 ? 1 : 0;
            String question = task.get("question").asText();
            llm.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                    .withRequestBody(containing("You answer biomedical research questions"))
                    .withRequestBody(matchingJsonPath("$.messages[1].content", containing(question)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                            OpenAiMock.completionJson("gpt-4o-mini-2024-07-18", "Weighing the results.\nAnswer: " + answer, 300, 20))));
        }
        return right;
    }

    private static void awaitFiled(Set<String> ids, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.getCollection("trajectories").countDocuments(new org.bson.Document("published", true)
                        .append("taskId", new org.bson.Document("$in", List.copyOf(ids)))) >= count);
    }

    private static void assertCounts(TopicWatcher topics, Set<String> ids, int right) {
        int wrong = TASKS - right;
        var trajectoryDocs = db.getCollection("trajectories").find(new org.bson.Document("taskId",
                new org.bson.Document("$in", List.copyOf(ids)))).into(new java.util.ArrayList<>());
        assertThat(trajectoryDocs).hasSize(TASKS);
        assertThat(trajectoryDocs.stream().filter(d -> d.getBoolean("correct"))).hasSize(right);
        List<String> trajectoryIds = ids.stream().map(id -> id + "@r0#0").toList();
        assertThat(db.getCollection("experience").countDocuments(new org.bson.Document("trajectoryId",
                new org.bson.Document("$in", trajectoryIds)))).isEqualTo(2L * right);
        assertThat(topics.await("failures", ids::contains, wrong, Duration.ofSeconds(30))).hasSize(wrong);
        assertThat(topics.records("finetune-records", k -> ids.stream().anyMatch(k::startsWith))).hasSize(2 * right);
    }
}
