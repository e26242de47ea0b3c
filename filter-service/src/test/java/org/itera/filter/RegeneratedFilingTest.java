package org.itera.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.filter.PrometheusCounters.label;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repaired trajectories from the real {@code regenerated} topic are filed like generated ones, within the repair budget. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class RegeneratedFilingTest {

    MongoClient mongo;
    MongoDatabase db;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(),
                "finetune-records", "failures", "regenerated-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void aCorrectRepairEntersTheLibraryAsRegeneratedWithTheOriginalPromptAndTheRephrasedAnswer() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        TrajectoryEvent generated = Trajectories.pubmedqa(taskId, "train", "yes", "no");
        TrajectoryEvent repaired = Trajectories.regenerated(generated, "yes");
        double rescuedBefore = repairsGraded("rescued");
        send("trajectories", generated);
        awaitFailures(taskId, 1);
        send("regenerated", repaired);

        var records = topics.await("finetune-records", k -> k.equals(repaired.id()), 2, Duration.ofSeconds(20));
        assertThat(records).hasSize(2);
        FinetuneRecord analystRecord = Json.mapper().readValue(records.get(0).value(), FinetuneRecord.class);
        assertThat(analystRecord.origin()).isEqualTo("regenerated");
        assertThat(analystRecord.agent()).isEqualTo("pubmedqa-analyst");
        Document stored = awaitPublished(repaired.id());
        assertThat(stored.getString("origin")).isEqualTo("regenerated");
        assertThat(stored.getString("parentId")).isEqualTo(generated.id());
        assertThat(stored.getString("repairedRole")).isEqualTo("analyst");
        assertThat(stored.getInteger("attempt")).isEqualTo(1);
        assertThat(stored.getBoolean("correct")).isTrue();
        assertThat(stored.getString("repairStatus")).isNull();
        Document repair = stored.get("repair", Document.class);
        assertThat(repair.getString("feedback")).isEqualTo(Trajectories.FEEDBACK);
        assertThat(repair.getString("criticModel")).isEqualTo("critic-model");
        assertThat(repair.getString("rephraseModel")).isEqualTo("rephrase-model");
        assertThat(repair.getString("originalOutput")).isEqualTo(generated.turns().get(0).output());
        assertThat(repair.getString("regeneratedOutput")).contains("Given the feedback");

        List<Document> experience = db.getCollection("experience").find(Filters.eq("trajectoryId", repaired.id()))
                .into(new ArrayList<>());
        assertThat(experience).hasSize(2).allSatisfy(e -> assertThat(e.getString("origin")).isEqualTo("regenerated"));
        Document analyst = experience.stream().filter(e -> "analyst".equals(e.getString("role"))).findFirst().orElseThrow();
        List<Document> messages = analyst.getList("messages", Document.class);
        assertThat(messages).extracting(m -> m.getString("role")).containsExactly("system", "user", "assistant");
        assertThat(messages.get(1).getString("content")).isEqualTo(Trajectories.ANALYST_MESSAGES.get(1).content())
                .doesNotContain(Trajectories.FEEDBACK);
        assertThat(messages.get(2).getString("content")).isEqualTo(Trajectories.REPHRASED_ANALYSIS);
        assertThat(failedIds(taskId)).containsExactly(generated.id());
        assertThat(repairsGraded("rescued") - rescuedBefore).isEqualTo(1.0);
    }

    @Test
    void aWrongRepairGoesToFailuresUntilTheTaskHasUsedUpItsRepairBudget() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        TrajectoryEvent generated = Trajectories.pubmedqa(taskId, "train", "yes", "no");
        TrajectoryEvent first = Trajectories.regenerated(generated, "maybe");
        TrajectoryEvent second = Trajectories.regenerated(first, "no");
        double stillWrongBefore = repairsGraded("still_wrong");
        double exhaustedBefore = PrometheusCounters.value("itera_repairs_exhausted_total",
                label("subject", "pubmedqa"), label("role", "analyst"));

        send("regenerated", first);
        GradedTrajectoryEvent failed = Json.mapper().readValue(awaitFailures(taskId, 1).get(0).value(), GradedTrajectoryEvent.class);
        assertThat(failed.trajectory().id()).isEqualTo(first.id());
        assertThat(failed.trajectory().attempt()).isEqualTo(1);
        assertThat(failed.trajectory().repair().feedback()).isEqualTo(Trajectories.FEEDBACK);
        assertThat(awaitPublished(first.id()).getString("repairStatus")).isNull();

        send("regenerated", second);
        Document exhausted = awaitPublished(second.id());
        assertThat(exhausted.getBoolean("correct")).isFalse();
        assertThat(exhausted.getString("repairStatus")).isEqualTo("exhausted");
        // a later failure of the same task (same key, same partition): once it is seen, the second repair's would have been
        send("trajectories", generated);
        awaitFailures(taskId, 2);
        assertThat(failedIds(taskId)).containsExactly(first.id(), generated.id());
        assertThat(awaitPublished(generated.id()).getString("repairStatus")).isNull();
        assertThat(db.getCollection("experience").countDocuments(Filters.eq("trajectoryId", second.id()))).isZero();
        assertThat(repairsGraded("still_wrong") - stillWrongBefore).isEqualTo(2.0);
        assertThat(PrometheusCounters.value("itera_repairs_exhausted_total",
                label("subject", "pubmedqa"), label("role", "analyst")) - exhaustedBefore).isEqualTo(1.0);
    }

    @Test
    void malformedRegeneratedMessagesGoToTheirDeadLetterTopic() {
        String key = "broken-" + UUID.randomUUID();
        topics.send("regenerated", key, "{\"id\": \"x\", \"origin\": \"regenerated\", \"turns\": []}");

        var dead = topics.await("regenerated-dlq", key::equals, 1, Duration.ofSeconds(20));
        assertThat(TopicWatcher.header(dead.get(0), "dead-letter-reason")).contains("carries no task with an answer");
    }

    private void send(String topic, TrajectoryEvent trajectory) throws Exception {
        topics.send(topic, trajectory.task().id(), Json.mapper().writeValueAsString(trajectory));
    }

    private List<ConsumerRecord<String, String>> awaitFailures(String taskId, int count) {
        return topics.await("failures", taskId::equals, count, Duration.ofSeconds(20));
    }

    private List<String> failedIds(String taskId) throws Exception {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topics.records("failures", taskId::equals)) {
            ids.add(Json.mapper().readValue(record.value(), GradedTrajectoryEvent.class).trajectory().id());
        }
        return ids;
    }

    private static double repairsGraded(String outcome) {
        return PrometheusCounters.value("itera_repairs_graded_total", label("subject", "pubmedqa"),
                label("role", "analyst"), label("outcome", outcome));
    }

    private Document awaitPublished(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                db.getCollection("trajectories").find(Filters.and(Filters.eq("_id", id), Filters.eq("published", true))).first() != null);
        return db.getCollection("trajectories").find(Filters.eq("_id", id)).first();
    }
}
