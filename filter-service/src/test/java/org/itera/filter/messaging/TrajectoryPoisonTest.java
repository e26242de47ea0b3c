package org.itera.filter.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.filter.Trajectories;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.Poison;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison on {@code trajectories} and {@code regenerated} between two good trajectories: each poison
 * lands on the topic's dead-letter topic with a reason that names its problem, and in the
 * {@code dead-letters} ledger with that reason; both good ones are filed and their examples sent on
 * {@code finetune-records}; the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class TrajectoryPoisonTest {

    MongoClient mongo;
    MongoDatabase db;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(),
                "finetune-records", "trajectories-dlq", "regenerated-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void poisonOnTrajectoriesIsDeadLetteredAndTheTrajectoriesAroundItAreFiled() throws Exception {
        TrajectoryEvent before = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "yes");
        TrajectoryEvent after = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "yes");
        checkSurvives("trajectories", before, after);
    }

    @Test
    void poisonOnRegeneratedIsDeadLetteredAndTheRepairsAroundItAreFiled() throws Exception {
        TrajectoryEvent before = Trajectories.regenerated(
                Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "no"), "yes");
        TrajectoryEvent after = Trajectories.regenerated(
                Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "no"), "yes");
        checkSurvives("regenerated", before, after);
    }

    private void checkSurvives(String topic, TrajectoryEvent before, TrajectoryEvent after) throws Exception {
        String good = Json.mapper().writeValueAsString(before);
        List<Poison> poison = poison(good);

        topics.send(topic, before.task().id(), good);
        topics.send(topic, poison);
        topics.send(topic, after.task().id(), Json.mapper().writeValueAsString(after));

        Map<String, String> reasons = topics.awaitDeadLetters(topic + "-dlq", poison, Duration.ofSeconds(60));
        for (TrajectoryEvent t : List.of(before, after)) {
            assertThat(topics.await("finetune-records", t.id()::equals, 2, Duration.ofSeconds(60))).hasSize(2);
            Document stored = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> db.getCollection("trajectories").find(Filters.eq("_id", t.id())).first(),
                    d -> d != null && Boolean.TRUE.equals(d.getBoolean("published")));
            assertThat(stored.getBoolean("correct")).isTrue();
        }
        assertThat(topics.records(topic + "-dlq", k -> k.equals(before.task().id()) || k.equals(after.task().id())))
                .isEmpty();
        assertThat(topics.records("finetune-records", k -> k.startsWith("poison-"))).isEmpty();
        for (Poison p : poison) {
            Document letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.getCollection(
                    "dead-letters").find(Filters.and(Filters.eq("topic", topic + "-dlq"), Filters.eq("key", p.key())))
                    .first(), d -> d != null);
            assertThat(letter.getString("reason")).as(p.name()).isEqualTo(reasons.get(p.name()));
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static List<Poison> poison(String good) {
        List<Poison> poison = new ArrayList<>(Poison.common("trajectory", good));
        poison.add(Poison.of("turns-not-a-list", Poison.edit(good, t -> t.put("turns", "all of them")),
                "field 'turns'"));
        poison.add(Poison.of("usage-not-an-object", Poison.edit(good, t -> ((ObjectNode) t.withArray("turns").get(0))
                .put("usage", "lots")), "field 'turns[0].usage'"));
        poison.add(Poison.of("no-task", Poison.edit(good, t -> t.remove("task")), "carries no task"));
        poison.add(Poison.of("no-turns", Poison.edit(good, t -> t.remove("turns")), "has no turns"));
        poison.add(Poison.of("no-origin", Poison.edit(good, t -> t.remove("origin")), "has no origin"));
        poison.add(Poison.of("unknown-subject", Poison.editAt(good, t -> t.put("subject", "astrology"), "task"),
                "unknown subject 'astrology'"));
        poison.add(Poison.of("unknown-setting", Poison.editAt(good, t -> t.put("setting", "debate"), "task"),
                "unsupported setting 'debate'"));
        return poison;
    }
}
