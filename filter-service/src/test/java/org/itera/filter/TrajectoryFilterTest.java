package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
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

/** Trajectories from the real broker are graded, stored over the Mongo wire protocol and routed. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class TrajectoryFilterTest {

    MongoClient mongo;
    MongoDatabase db;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(),
                "finetune-records", "failures", "trajectories-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void aCorrectTrainTrajectoryEntersTheLibraryOncePerRoleEvenWhenRedelivered() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        TrajectoryEvent trajectory = Trajectories.pubmedqa(taskId, "train", "yes", "yes");
        String json = Json.mapper().writeValueAsString(trajectory);
        topics.send("trajectories", taskId, json);

        var records = topics.await("finetune-records", k -> k.equals(trajectory.id()), 2, Duration.ofSeconds(20));
        FinetuneRecord solver = Json.mapper().readValue(records.get(1).value(), FinetuneRecord.class);
        assertThat(solver.agent()).isEqualTo("pubmedqa-solver");
        assertThat(solver.taskId()).isEqualTo(taskId);
        assertThat(solver.split()).isEqualTo("train");
        assertThat(solver.messages()).extracting(m -> m.role()).containsExactly("system", "user", "assistant");
        assertThat(solver.messages().get(2).content()).endsWith("Answer: yes");
        Document stored = awaitPublished(trajectory.id());
        assertThat(stored.getBoolean("correct")).isTrue();
        assertThat(stored.getString("extracted")).isEqualTo("yes");
        assertThat(stored.getList("turns", Document.class)).hasSize(2);
        assertThat(db.getCollection("experience").countDocuments(Filters.eq("trajectoryId", trajectory.id()))).isEqualTo(2);

        topics.send("trajectories", taskId, json);
        String marker = sendMarker();
        topics.await("finetune-records", marker::equals, 2, Duration.ofSeconds(20));
        assertThat(topics.records("finetune-records", k -> k.equals(trajectory.id()))).hasSize(2);
        assertThat(db.getCollection("experience").countDocuments(Filters.eq("trajectoryId", trajectory.id()))).isEqualTo(2);
        assertThat(db.getCollection("trajectories").countDocuments(Filters.eq("taskId", taskId))).isEqualTo(1);
        assertThat(topics.records("failures", taskId::equals)).isEmpty();
    }

    @Test
    void aWrongTrainTrajectoryIsStoredAndSentToFailuresWithItsGrade() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        TrajectoryEvent trajectory = Trajectories.pubmedqa(taskId, "train", "no", "yes");
        topics.send("trajectories", taskId, Json.mapper().writeValueAsString(trajectory));

        var failure = topics.await("failures", taskId::equals, 1, Duration.ofSeconds(20)).get(0);
        GradedTrajectoryEvent graded = Json.mapper().readValue(failure.value(), GradedTrajectoryEvent.class);
        assertThat(graded.trajectory().id()).isEqualTo(trajectory.id());
        assertThat(graded.grade().correct()).isFalse();
        assertThat(graded.grade().extracted()).isEqualTo("yes");
        assertThat(graded.grade().expected()).isEqualTo("no");
        assertThat(awaitPublished(trajectory.id()).getBoolean("correct")).isFalse();
        assertThat(db.getCollection("experience").countDocuments(Filters.eq("trajectoryId", trajectory.id()))).isZero();
    }

    @Test
    void testSplitTrajectoriesAreGradedAndStoredButNeverEnterTheLibrary() throws Exception {
        String right = "pubmedqa/" + UUID.randomUUID();
        String wrong = "pubmedqa/" + UUID.randomUUID();
        topics.send("trajectories", right, Json.mapper().writeValueAsString(Trajectories.pubmedqa(right, "test", "yes", "yes")));
        topics.send("trajectories", wrong, Json.mapper().writeValueAsString(Trajectories.pubmedqa(wrong, "test", "no", "yes")));

        assertThat(awaitPublished(right + "@r0#0").getBoolean("correct")).isTrue();
        assertThat(awaitPublished(wrong + "@r0#0").getBoolean("correct")).isFalse();
        assertThat(db.getCollection("experience").countDocuments(Filters.in("trajectoryId", right + "@r0#0", wrong + "@r0#0"))).isZero();
        assertThat(topics.records("failures", k -> k.equals(right) || k.equals(wrong))).isEmpty();
        assertThat(topics.records("finetune-records", k -> k.startsWith(right))).isEmpty();
    }

    @Test
    void malformedTrajectoriesGoToTheDeadLetterTopicAndTheServiceStaysReady() {
        String key = "broken-" + UUID.randomUUID();
        topics.send("trajectories", key, "{\"id\": \"x\", \"turns\": []}");
        topics.send("trajectories", key, "<html>not json</html>");

        var dead = topics.await("trajectories-dlq", key::equals, 2, Duration.ofSeconds(20));
        assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("carries no task with an answer"))
                .anySatisfy(reason -> assertThat(reason).contains("not a JSON trajectory"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void storedTrajectoriesAreServedByIdAndUnknownOnesAre404() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        TrajectoryEvent trajectory = Trajectories.pubmedqa(taskId, "train", "yes", "yes");
        topics.send("trajectories", taskId, Json.mapper().writeValueAsString(trajectory));
        awaitPublished(trajectory.id());

        given().urlEncodingEnabled(false).get("/trajectories/" + URLEncoder.encode(trajectory.id(), StandardCharsets.UTF_8))
                .then().statusCode(200).body("taskId", equalTo(taskId)).body("correct", equalTo(true))
                .body("turns[1].role", equalTo("solver"));
        given().get("/trajectories/nothing-here").then().statusCode(404).body("error", containsString("nothing-here"));
    }

    private Document awaitPublished(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                db.getCollection("trajectories").find(Filters.and(Filters.eq("_id", id), Filters.eq("published", true))).first() != null);
        return db.getCollection("trajectories").find(Filters.eq("_id", id)).first();
    }

    /** A correct trajectory sent after the others: once its records arrive, the earlier ones were handled. */
    private String sendMarker() throws Exception {
        String taskId = "marker/" + UUID.randomUUID();
        TrajectoryEvent marker = Trajectories.pubmedqa(taskId, "train", "yes", "yes");
        topics.send("trajectories", taskId, Json.mapper().writeValueAsString(marker));
        return marker.id();
    }
}
