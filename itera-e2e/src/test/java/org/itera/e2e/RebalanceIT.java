package org.itera.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out with a rebalance mid-run: a second generator and filter join their consumer groups
 * while tasks are running, then the first two stop. Every task is graded exactly once, the library
 * holds exactly two entries per right answer, and nothing is dead-lettered.
 */
class RebalanceIT {

    static final int TASKS = 160;
    static WireMockServer llm;
    static MongoClient mongo;
    static MongoDatabase db;
    static final List<ServiceProcess> services = new ArrayList<>();

    @BeforeAll
    static void start() {
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        // every call takes 300 ms, so 160 tasks at 2 at once take about 50 s on one instance
        new OpenAiMock(llm).replyByDefault("gpt-4o-mini-2024-07-18", "Weighing the results.\nAnswer: yes");
        llm.setGlobalFixedDelay(300);
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        mongo.close();
        llm.stop();
    }

    @Test
    void instancesJoiningAndLeavingMidRunLoseAndDoubleNothing() throws Exception {
        List<ObjectNode> tasks = PubMedQaTasks.first(TASKS);
        List<String> ids = tasks.stream().map(t -> t.get("id").asText()).toList();
        ServiceProcess generatorA = start("generator-service");
        ServiceProcess filterA = start("filter-service");
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks-dlq", "trajectories-dlq")) {
            tasks.forEach(task -> topics.send("tasks", task.get("id").asText(), task.toString()));
            awaitGraded(ids, TASKS / 5);

            start("generator-service");
            start("filter-service");
            awaitGraded(ids, TASKS / 2);
            long gradedWhenStopped = graded(ids);
            generatorA.close();
            filterA.close();

            awaitGraded(ids, TASKS);
            assertThat(gradedWhenStopped).as("the first instances left mid-run").isLessThan(TASKS);
            assertThat(db.getCollection("trajectories").countDocuments(new Document("taskId", new Document("$in", ids))))
                    .as("one trajectory per task").isEqualTo(TASKS);
            long right = db.getCollection("trajectories").countDocuments(
                    new Document("taskId", new Document("$in", ids)).append("correct", true));
            List<String> trajectoryIds = db.getCollection("trajectories")
                    .find(new Document("taskId", new Document("$in", ids))).map(d -> d.getString("_id"))
                    .into(new ArrayList<>());
            assertThat(db.getCollection("experience").countDocuments(
                    new Document("trajectoryId", new Document("$in", trajectoryIds))))
                    .as("two library entries per right answer").isEqualTo(2 * right);
            assertThat(right).as("the mock answers yes: some right, some wrong").isBetween(1L, TASKS - 1L);
            assertThat(topics.records("tasks-dlq", ids::contains)).isEmpty();
            assertThat(topics.records("trajectories-dlq", ids::contains)).isEmpty();
        }
    }

    private static ServiceProcess start(String module) throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBrokerResource.bootstrapServers(),
                "MONGODB_URI", MongoServerResource.connectionString(), "OPENAI_BASE_URL", llm.baseUrl() + "/v1",
                "OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY, "ITERA_LLM_MODEL", "gpt-4o-mini",
                "ITERA_CONCURRENCY", "2");
        ServiceProcess service = ServiceProcess.start(module, env);
        services.add(service);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    private static long graded(List<String> ids) {
        return db.getCollection("trajectories").countDocuments(
                new Document("published", true).append("taskId", new Document("$in", ids)));
    }

    private static void awaitGraded(List<String> ids, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                .until(() -> graded(ids) >= count);
    }
}
