package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.filter.ActorCriticTrajectories.REPHRASED;
import static org.itera.filter.ActorCriticTrajectories.RIGHT;
import static org.itera.filter.ActorCriticTrajectories.WRONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Actor-critic trajectories of every judge label through the filter over the real broker and the
 * Mongo-wire store: labels and final correctness stored, library entries per role, failures for
 * wrong final answers only, the setting's counts and rates in /library/stats; unchanged by redelivery.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class ActorCriticFilingTest {

    MongoClient mongo;
    MongoDatabase db;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "finetune-records", "failures");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void eachLabelIsStoredAndTrainsTheRolesItShould() throws Exception {
        String prefix = "arithmetic/ac-" + UUID.randomUUID() + "/";
        Map<String, TrajectoryEvent> episodes = new LinkedHashMap<>();
        episodes.put("PT", ActorCriticTrajectories.episode(prefix + "pt", RIGHT, "Verdict: accept", null));
        episodes.put("PF", ActorCriticTrajectories.episode(prefix + "pf", RIGHT, "Verdict: reject", REPHRASED));
        episodes.put("NT", ActorCriticTrajectories.episode(prefix + "nt", WRONG, "Verdict: reject", REPHRASED));
        episodes.put("NF", ActorCriticTrajectories.episode(prefix + "nf", WRONG, "Verdict: accept", null));
        episodes.put("unparsed", ActorCriticTrajectories.episode(prefix + "un", WRONG, "Seems fine to me.", WRONG));

        sendAll(episodes.values());
        episodes.values().forEach(t -> awaitPublished(t.id()));
        assertFiled(episodes, prefix);

        sendAll(episodes.values());
        TrajectoryEvent marker = ActorCriticTrajectories.episode("marker/" + UUID.randomUUID(), RIGHT, "Verdict: accept", null);
        sendAll(List.of(marker));
        topics.await("finetune-records", k -> k.startsWith(marker.id()), 2, Duration.ofSeconds(20));
        assertFiled(episodes, prefix);
    }

    private void assertFiled(Map<String, TrajectoryEvent> episodes, String prefix) {
        assertThat(trajectory(episodes.get("PT")).get("labels", Document.class).getString("judge")).isEqualTo("PT");
        assertThat(trajectory(episodes.get("PF")).get("labels", Document.class).getString("judge")).isEqualTo("PF");
        assertThat(trajectory(episodes.get("NT")).get("labels", Document.class).getString("judge")).isEqualTo("NT");
        assertThat(trajectory(episodes.get("NF")).get("labels", Document.class).getString("judge")).isEqualTo("NF");
        Document unparsed = trajectory(episodes.get("unparsed"));
        assertThat(unparsed.get("labels", Document.class).getString("judge")).isEqualTo("NT");
        assertThat(unparsed.get("counters", Document.class).getInteger("unparsed")).isEqualTo(1);
        assertThat(episodes.keySet()).map(label -> trajectory(episodes.get(label)).getBoolean("correct"))
                .containsExactly(true, true, true, false, false);
        assertThat(trajectory(episodes.get("NT")).getString("extracted")).isEqualTo("7");

        List<Document> library = db.getCollection("experience")
                .find(new Document("trajectoryId", new Document("$regex", "^actor-critic:" + java.util.regex.Pattern.quote(prefix))))
                .into(new java.util.ArrayList<>());
        Map<String, Long> byRole = new java.util.TreeMap<>();
        library.forEach(d -> byRole.merge(d.getString("agent"), 1L, Long::sum));
        assertThat(byRole).containsExactly(Map.entry("arithmetic-actor", 3L), Map.entry("arithmetic-critic", 2L),
                Map.entry("arithmetic-judge", 2L));
        Document rescuedActor = db.getCollection("experience").find(new Document("_id",
                episodes.get("NT").id() + "/actor")).first();
        List<Document> messages = rescuedActor.getList("messages", Document.class);
        assertThat(messages.get(1).getString("content")).startsWith("Problem:");
        assertThat(messages.get(2).getString("content")).isEqualTo(REPHRASED);

        assertThat(topics.await("failures", k -> k.startsWith(prefix), 2, Duration.ofSeconds(20)))
                .extracting(r -> r.key()).containsExactlyInAnyOrder(prefix + "nf", prefix + "un");
        assertThat(topics.await("finetune-records", k -> k.startsWith("actor-critic:" + prefix), 7, Duration.ofSeconds(20)))
                .hasSize(7);
    }

    @Test
    void theLibraryStatsCountTheLabelsAndWorkOutTheRates() throws Exception {
        String prefix = "arithmetic/ac-stats-" + UUID.randomUUID() + "/";
        TrajectoryEvent right = ActorCriticTrajectories.episode(prefix + "1", RIGHT, "Verdict: accept", null);
        TrajectoryEvent rescued = ActorCriticTrajectories.episode(prefix + "2", WRONG, "Verdict: reject", REPHRASED);
        sendAll(List.of(right, rescued));
        awaitPublished(right.id());
        awaitPublished(rescued.id());

        JsonNode stats = Json.mapper().readTree(given().get("/library/stats").then().statusCode(200).extract().asString());

        JsonNode train = stats.at("/settings/actor-critic/arithmetic/train");
        assertThat(train.get("n").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(train.at("/counts/PT").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(train.at("/rates/tpAccuracy").asDouble())
                .isEqualTo((double) train.at("/counts/PT").asLong() / train.get("n").asLong());
        assertThat(train.at("/rates/criticHelpRate").asDouble())
                .isEqualTo((double) train.at("/counts/criticHelped").asLong() / train.at("/counts/rejected").asLong());
        assertThat(train.at("/rates/overallAccuracy").asDouble())
                .isEqualTo((double) train.at("/counts/finalCorrect").asLong() / train.get("n").asLong());
    }

    private void sendAll(java.util.Collection<TrajectoryEvent> trajectories) throws Exception {
        for (TrajectoryEvent t : trajectories) {
            topics.send("trajectories", t.task().id(), Json.mapper().writeValueAsString(t));
        }
    }

    private Document trajectory(TrajectoryEvent t) {
        return db.getCollection("trajectories").find(new Document("_id", t.id())).first();
    }

    private void awaitPublished(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                db.getCollection("trajectories").countDocuments(new Document("_id", id).append("published", true)) == 1);
    }
}
