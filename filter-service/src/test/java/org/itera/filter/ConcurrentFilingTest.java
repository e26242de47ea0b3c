package org.itera.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter files many trajectories at once, and still files each one once: a burst of distinct
 * trajectories with several copies of some of them (redeliveries racing their originals) leaves one
 * document per trajectory, one library entry and one finetune record per role, and no extra ones.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class ConcurrentFilingTest {

    static final int DISTINCT = 60;
    static final int COPIES = 8;
    static final int COPIED = 5;

    MongoClient mongo;
    MongoDatabase db;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "finetune-records");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void aBurstWithRacingCopiesIsFiledOncePerTrajectory() throws Exception {
        String run = "pubmedqa/burst-" + UUID.randomUUID() + "/";
        List<TrajectoryEvent> trajectories = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            trajectories.add(Trajectories.pubmedqa(run + i, "train", "yes", "yes"));
        }
        double handledBefore = handled();
        int sent = 0;
        for (int copy = 0; copy < COPIES; copy++) {
            for (int i = 0; i < DISTINCT; i++) {
                if (copy == 0 || i < COPIED) {
                    TrajectoryEvent t = trajectories.get(i);
                    topics.send("trajectories", t.task().id(), Json.mapper().writeValueAsString(t));
                    sent++;
                }
            }
        }
        int expectedHandled = sent;
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> handled() - handledBefore >= expectedHandled);

        List<String> taskIds = trajectories.stream().map(t -> t.task().id()).toList();
        assertThat(db.getCollection("trajectories").countDocuments(Filters.in("taskId", taskIds))).isEqualTo(DISTINCT);
        assertThat(db.getCollection("trajectories").countDocuments(
                Filters.and(Filters.in("taskId", taskIds), Filters.eq("published", true)))).isEqualTo(DISTINCT);
        for (TrajectoryEvent t : trajectories) {
            assertThat(db.getCollection("experience").countDocuments(Filters.eq("trajectoryId", t.id())))
                    .as("library entries of %s", t.id()).isEqualTo(2);
        }
        topics.await("finetune-records", k -> k.startsWith(run), 2 * DISTINCT, Duration.ofSeconds(30));
        for (TrajectoryEvent t : trajectories.subList(0, COPIED)) {
            assertThat(topics.records("finetune-records", t.id()::equals)).as("finetune records of %s", t.id()).hasSize(2);
        }
        assertThat(topics.records("finetune-records", k -> k.startsWith(run))).hasSize(2 * DISTINCT);
    }

    /** Trajectories graded plus copies skipped as already filed, so far. */
    private static double handled() {
        return PrometheusCounters.value("itera_trajectories_graded_total")
                + PrometheusCounters.value("itera_trajectories_duplicates_total");
    }
}
