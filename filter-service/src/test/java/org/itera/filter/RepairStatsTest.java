package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code repairs} section of {@code GET /library/stats} counts repairs, rescues and exhausted budgets. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class RepairStatsTest {

    private static final String ANALYST = "repairs.bySubject.pubmedqa.analyst.";

    MongoClient mongo;
    MongoCollection<Document> trajectories;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        trajectories = mongo.getDatabase("itera").getCollection("trajectories");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "finetune-records");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void repairCountsGrowByExactlyWhatWasSent() throws Exception {
        JsonPath before = stats();
        TrajectoryEvent rescuedParent = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "no");
        TrajectoryEvent rescued = Trajectories.regenerated(rescuedParent, "yes");
        TrajectoryEvent wrongParent = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "no", "yes");
        TrajectoryEvent stillWrong = Trajectories.regenerated(wrongParent, "maybe");
        TrajectoryEvent exhausted = Trajectories.regenerated(stillWrong, "yes");
        send("trajectories", rescuedParent, wrongParent);
        send("regenerated", rescued, stillWrong, exhausted);
        awaitPublished(rescuedParent, wrongParent, rescued, stillWrong, exhausted);
        JsonPath after = stats();

        for (String prefix : List.of("repairs.total.", ANALYST)) {
            assertThat(count(after, prefix + "repaired") - count(before, prefix + "repaired")).isEqualTo(3);
            assertThat(count(after, prefix + "rescued") - count(before, prefix + "rescued")).isEqualTo(1);
            assertThat(count(after, prefix + "exhausted") - count(before, prefix + "exhausted")).isEqualTo(1);
            assertThat(after.getDouble(prefix + "rescueRate"))
                    .isCloseTo((double) count(after, prefix + "rescued") / count(after, prefix + "repaired"), within(1e-6));
        }
        assertThat(count(after, "trajectories.byOrigin.regenerated") - count(before, "trajectories.byOrigin.regenerated"))
                .isEqualTo(3);
    }

    @Test
    void redeliveringARegeneratedTrajectoryChangesNoCount() throws Exception {
        TrajectoryEvent parent = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "no");
        TrajectoryEvent repaired = Trajectories.regenerated(parent, "yes");
        send("regenerated", repaired);
        awaitPublished(repaired);
        topics.await("finetune-records", repaired.id()::equals, 2, Duration.ofSeconds(20));
        JsonPath before = stats();
        double duplicates = PrometheusCounters.value("itera_trajectories_duplicates_total");

        send("regenerated", repaired);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> PrometheusCounters.value("itera_trajectories_duplicates_total") >= duplicates + 1);
        JsonPath after = stats();

        assertThat(after.getMap("repairs")).isEqualTo(before.getMap("repairs"));
        assertThat(after.getMap("experience")).isEqualTo(before.getMap("experience"));
        assertThat(after.getMap("trajectories")).isEqualTo(before.getMap("trajectories"));
        assertThat(topics.records("finetune-records", repaired.id()::equals)).hasSize(2);
        assertThat(trajectories.countDocuments(Filters.eq("taskId", repaired.task().id()))).isEqualTo(1);
    }

    private void send(String topic, TrajectoryEvent... sent) throws Exception {
        for (TrajectoryEvent trajectory : sent) {
            topics.send(topic, trajectory.task().id(), Json.mapper().writeValueAsString(trajectory));
        }
    }

    private void awaitPublished(TrajectoryEvent... sent) {
        List<String> ids = Arrays.stream(sent).map(TrajectoryEvent::id).toList();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> trajectories.countDocuments(
                Filters.and(Filters.in("_id", ids), Filters.eq("published", true))) == ids.size());
    }

    private static JsonPath stats() {
        return given().get("/library/stats").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath json, String path) {
        Number value = json.get(path);
        return value == null ? 0 : value.longValue();
    }
}
