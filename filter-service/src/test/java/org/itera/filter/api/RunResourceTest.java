package org.itera.filter.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.filter.Trajectories;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /runs/{id}} over trajectories and dead letters from the real broker: each task's
 * standing, the run's library and repairs, its dead letters with reasons; other runs' work is not counted.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class RunResourceTest {

    TopicWatcher topics;
    String run;

    @BeforeEach
    void watch() {
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "failures");
        run = "run-test-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void reportsEachTaskOfTheRunFromTheStore() throws Exception {
        file(inRun(Trajectories.pubmedqa(task("right"), "train", "yes", "yes"), run));
        TrajectoryEvent rescued = inRun(Trajectories.pubmedqa(task("rescued"), "train", "yes", "no"), run);
        file(rescued);
        topics.send("regenerated", rescued.task().id(), json(Trajectories.regenerated(rescued, "yes")));
        file(inRun(Trajectories.pubmedqa(task("waiting"), "train", "yes", "no"), run));
        TrajectoryEvent exhausted = inRun(Trajectories.pubmedqa(task("exhausted"), "train", "yes", "no"), run);
        TrajectoryEvent repairedOnce = Trajectories.regenerated(exhausted, "maybe");
        file(exhausted);
        topics.send("regenerated", exhausted.task().id(), json(repairedOnce));
        topics.send("regenerated", exhausted.task().id(), json(Trajectories.regenerated(repairedOnce, "no")));
        file(inRun(Trajectories.pubmedqa(task("other-run"), "train", "yes", "yes"), run + "-other"));
        String rejected = task("rejected");
        ProducerRecord<String, String> deadTask = new ProducerRecord<>("tasks-dlq", rejected, json(
                new TaskEvent(rejected, null, "pubmedqa", "Why?", null, null, null, "train", 0).withRun(run)));
        deadTask.headers().add("dead-letter-reason", "missing answer".getBytes(StandardCharsets.UTF_8));
        topics.send(deadTask);
        topics.send("trajectories", task("broken"), "{\"id\": \"x\", \"task\": {\"id\": \"broken\", \"run\": \"" + run
                + "\"}, \"turns\": []}");
        topics.send("tasks-dlq", task("garbage"), "not json at all");

        JsonPath report = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(run), r -> r.getLong("tasks.graded") == 4 && r.getLong("tasks.exhausted") == 1
                        && r.getLong("tasks.rescued") == 1 && r.getLong("deadLetters.total") == 2);

        assertThat(report.getMap("tasks", String.class, Long.class)).isEqualTo(Map.of("graded", 4L,
                "rightFirstAttempt", 1L, "right", 2L, "rescued", 1L, "waitingForRepair", 1L, "exhausted", 1L,
                "failuresSentToRepair", 4L, "deadLettered", 1L, "repairDeadLettered", 0L));
        assertThat(report.getLong("trajectories.total")).isEqualTo(7);
        assertThat(report.getMap("experience.byRole.pubmedqa", String.class, Long.class))
                .isEqualTo(Map.of("analyst", 2L, "solver", 2L));
        assertThat(report.getMap("experience.byOrigin", String.class, Long.class))
                .isEqualTo(Map.of("generated", 2L, "regenerated", 2L));
        assertThat(report.getLong("repairs.total.repaired")).isEqualTo(3);
        assertThat(report.getLong("repairs.total.rescued")).isEqualTo(1);
        assertThat(report.getMap("deadLetters.byTopic", String.class, Long.class))
                .isEqualTo(Map.of("tasks-dlq", 1L, "trajectories-dlq", 1L));
        assertThat(report.getList("deadLetters.latest.reason", String.class))
                .contains("missing answer").anySatisfy(reason -> assertThat(reason).contains("has no turns"));
        assertThat(report.getMap("deadLetters.tasksBySubject", String.class, Long.class))
                .isEqualTo(Map.of("pubmedqa", 1L));
        assertThat(report.getMap("trajectories.firstAttemptsBySplit.train", String.class, Long.class))
                .isEqualTo(Map.of("success", 1L, "failure", 3L));
        assertThat(report.getMap("trajectories.bySubjectSplit.pubmedqa.train", String.class, Long.class))
                .isEqualTo(Map.of("success", 2L, "failure", 5L));
        assertThat(report.getBoolean("repairLoop.reachable")).isFalse();
        assertThat(get(run + "-other").getLong("tasks.graded")).isEqualTo(1);
    }

    @Test
    void aTaskPushedAgainInALaterRunCountsThereWithItsEarlierResult() throws Exception {
        TrajectoryEvent first = inRun(Trajectories.pubmedqa(task("again"), "test", "yes", "yes"), run);
        file(first);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> get(run).getLong("tasks.graded") == 1);

        String later = run + "-later";
        file(inRun(first, later));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> get(later).getLong("tasks.graded") == 1);
        assertThat(get(later).getLong("tasks.right")).isEqualTo(1);
        assertThat(get(run).getLong("tasks.graded")).isEqualTo(1);
    }

    @Test
    void aRoundsPhaseFollowsFinetuneServicesEvaluationsAndRound() {
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            MongoDatabase db = mongo.getDatabase("itera");
            assertThat(get(run).getMap("round")).isNull();
            db.getCollection("evaluations").insertOne(new Document("_id", "before-" + run).append("run", run + ".before")
                    .append("status", "running"));
            assertThat(get(run).getString("round.phase")).isEqualTo("evaluating-before");
            db.getCollection("evaluations").updateOne(new Document("_id", "before-" + run),
                    new Document("$set", new Document("status", "done").append("accuracy", 0.225)));
            assertThat(get(run).getString("round.phase")).isEqualTo("tasks");
            assertThat(get(run).getDouble("round.before.accuracy")).isEqualTo(0.225);
            db.getCollection("finetune_rounds").insertOne(new Document("_id", 9000 + Math.abs(run.hashCode() % 1000))
                    .append("run", run).append("status", "running"));
            assertThat(get(run).getString("round.phase")).isEqualTo("fine-tuning");
            db.getCollection("evaluations").insertOne(new Document("_id", "after-" + run).append("run", run + ".after")
                    .append("status", "done").append("accuracy", 0.575));
            assertThat(get(run).getString("round.phase")).isEqualTo("done");
            assertThat(get(run).getDouble("round.after.accuracy")).isEqualTo(0.575);
        }
    }

    @Test
    void aRunOfWhichNothingIsStoredReportsZerosAndABadIdIsA400() {
        JsonPath empty = get("run-never-" + UUID.randomUUID());
        assertThat(empty.getLong("tasks.graded")).isZero();
        assertThat(empty.getLong("deadLetters.total")).isZero();
        given().get("/runs/{id}", "-starts-with-a-dash").then().statusCode(400);
    }

    private JsonPath get(String runId) {
        return given().get("/runs/{id}", runId).then().statusCode(200).extract().jsonPath();
    }

    private void file(TrajectoryEvent trajectory) throws Exception {
        topics.send("trajectories", trajectory.task().id(), json(trajectory));
    }

    private static String task(String name) {
        return "pubmedqa/" + name + "-" + UUID.randomUUID();
    }

    private static TrajectoryEvent inRun(TrajectoryEvent t, String runId) {
        return new TrajectoryEvent(t.id(), t.task().withRun(runId), t.origin(), t.parentId(), t.repairedRole(),
                t.attempt(), t.turns(), t.startedAt(), t.finishedAt(), t.repair(), t.game());
    }

    private static String json(Object value) throws Exception {
        return Json.mapper().writeValueAsString(value);
    }
}
