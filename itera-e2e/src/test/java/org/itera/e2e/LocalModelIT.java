package org.itera.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on the embedded default model: model-server (SmolLM2-135M in its llama-server),
 * generator and filter as processes over a real broker and store. Every one of 10 arithmetic
 * tasks must end as a recorded, graded trajectory.
 */
class LocalModelIT {

    static final int TASKS = 10;
    static List<ServiceProcess> services = new ArrayList<>();
    static MongoClient mongo;
    static MongoDatabase db;

    @BeforeAll
    static void start() throws Exception {
        Path models = LocalModel.dir();
        ServiceProcess modelServer = ServiceProcess.start("model-server",
                Map.of("ITERA_MODELS_DIR", models.toString(), "ITERA_MODEL_PARALLEL", "4"));
        services.add(modelServer);
        modelServer.awaitReady(Duration.ofSeconds(180));
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBrokerResource.bootstrapServers(),
                "MONGODB_URI", MongoServerResource.connectionString(),
                "OPENAI_BASE_URL", "http://127.0.0.1:" + modelServer.port() + "/v1",
                "ITERA_LLM_MODEL", "smollm2-135m", "ITERA_LLM_MAX_TOKENS", "96", "ITERA_LLM_TEMPERATURE", "0");
        services.add(ServiceProcess.start("generator-service", env));
        services.add(ServiceProcess.start("filter-service", env));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(180));
        }
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void everyArithmeticTaskEndsAsAGradedTrajectoryFromTheLocalModel() throws Exception {
        List<TaskEvent> tasks = ArithmeticProblems.tasks(Difficulty.DEFAULT, 11, TASKS, "train");
        List<String> ids = tasks.stream().map(TaskEvent::id).toList();
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks-dlq")) {
            for (TaskEvent task : tasks) {
                topics.send("tasks", task.id(), Json.mapper().writeValueAsString(task));
            }
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    db.getCollection("trajectories").countDocuments(new Document("taskId", new Document("$in", ids))
                            .append("published", true)) == TASKS);
            assertThat(topics.records("tasks-dlq", ids::contains)).isEmpty();
        }
        for (Document doc : db.getCollection("trajectories").find(new Document("taskId", new Document("$in", ids)))) {
            assertThat(doc.get("correct")).isInstanceOf(Boolean.class);
            assertThat(doc.getString("expected")).isNotBlank();
            List<Document> turns = doc.getList("turns", Document.class);
            assertThat(turns).extracting(t -> t.getString("role")).containsExactly("calculator", "reporter");
            assertThat(turns).allSatisfy(turn -> {
                assertThat(turn.getString("model")).isNotBlank();
                assertThat(turn.getString("output")).isNotBlank();
                assertThat(turn.get("usage", Document.class).getInteger("completionTokens")).isBetween(1, 96);
            });
        }
    }
}
