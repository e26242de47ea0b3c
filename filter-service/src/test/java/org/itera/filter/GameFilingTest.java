package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.filter.GameTrajectories.played;
import static org.itera.filter.GameTrajectories.tagged;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * Games through the filter over the real broker and the Mongo-wire store: each stored with its game
 * record, labels and counters; one multi-turn library example per won game of a trainable role and
 * none otherwise; nothing on {@code failures}; the setting's counts and rates in /library/stats;
 * all unchanged by redelivery.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class GameFilingTest {

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
    void onlyWonGamesOfTrainableRolesEnterTheLibraryAndNothingIsRepaired() throws Exception {
        String prefix = "ultimatum/g-" + UUID.randomUUID() + "/";
        Map<String, TrajectoryEvent> games = new LinkedHashMap<>();
        games.put("won", played(prefix + "won", "ultimatum", tagged("a", "OFFER", "10"), tagged("b", "OFFER", "45"),
                tagged("c", "ACCEPT", null)));
        games.put("lost", played(prefix + "lost", "ultimatum", tagged("a", "OFFER", "70"), tagged("b", "ACCEPT", null)));
        games.put("rejected", played(prefix + "rejected", "ultimatum", tagged("a", "OFFER", "5"), tagged("b", "REJECT", null)));
        games.put("invalid", played(prefix + "invalid", "ultimatum", "I offer 40", "still 40"));

        send(games.values());
        games.values().forEach(g -> awaitPublished(g.id()));
        assertFiled(games, prefix);

        send(games.values());
        TrajectoryEvent marker = played("ultimatum/marker-" + UUID.randomUUID(), "ultimatum", tagged("a", "OFFER", "20"),
                tagged("b", "ACCEPT", null));
        send(List.of(marker));
        topics.await("finetune-records", k -> k.startsWith(marker.id()), 1, Duration.ofSeconds(20));
        assertFiled(games, prefix);
        assertThat(topics.records("failures", k -> k.contains(prefix))).isEmpty();
    }

    private void assertFiled(Map<String, TrajectoryEvent> games, String prefix) {
        Document won = stored(games.get("won"));
        assertThat(won.get("game", Document.class).getString("endReason")).isEqualTo("accept");
        assertThat(won.get("game", Document.class).getString("winner")).isEqualTo("proposer");
        assertThat(won.get("labels", Document.class)).containsEntry("proposer", "win").containsEntry("responder", "loss");
        assertThat(won.get("counters", Document.class)).containsEntry("payoffP1", 55).containsEntry("moves", 3);
        assertThat(won.getBoolean("correct")).isTrue();
        assertThat(won.get("repairStatus")).isNull();
        assertThat(stored(games.get("invalid")).get("game", Document.class).getString("invalidBy")).isEqualTo("proposer");
        assertThat(stored(games.get("rejected")).get("counters", Document.class)).containsEntry("endReject", 1);

        List<Document> library = db.getCollection("experience").find(new Document("trajectoryId",
                new Document("$regex", "^competitive:" + Pattern.quote(prefix)))).into(new ArrayList<>());
        assertThat(library).singleElement().satisfies(example -> {
            assertThat(example.getString("agent")).isEqualTo("ultimatum-proposer");
            assertThat(example.getString("trajectoryId")).isEqualTo(games.get("won").id());
            List<Document> messages = example.getList("messages", Document.class);
            assertThat(messages).extracting(m -> m.getString("role")).containsExactly("system", "user", "assistant",
                    "user", "assistant", "user", "assistant", "user", "assistant");
            assertThat(messages).extracting(m -> m.getInteger("weight")) // practice replies: shown, not learnt
                    .containsExactly(null, null, 0, null, 0, null, null, null, null);
        });
        assertThat(topics.await("finetune-records", k -> k.startsWith("competitive:" + prefix), 1, Duration.ofSeconds(20)))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"id\":\"" + games.get("won").id() + "/proposer\"")
                        .contains("\"agent\":\"ultimatum-proposer\""));
        assertThat(db.getCollection("trajectories").countDocuments(new Document("taskId",
                new Document("$regex", "^" + Pattern.quote(prefix))))).isEqualTo(4);
    }

    @Test
    void theLibraryStatsCountTheGamesAndWorkOutTheRates() throws Exception {
        String prefix = "sell-buy/stats-" + UUID.randomUUID() + "/";
        TrajectoryEvent sold = played(prefix + "1", "sell-buy", tagged("a", "PRICE", "58"), tagged("b", "ACCEPT", null));
        TrajectoryEvent cheap = played(prefix + "2", "sell-buy", tagged("a", "PRICE", "70"), tagged("b", "PRICE", "42"),
                tagged("c", "ACCEPT", null));
        send(List.of(sold, cheap));
        awaitPublished(sold.id());
        awaitPublished(cheap.id());

        JsonNode train = Json.mapper().readTree(given().get("/library/stats").then().statusCode(200).extract().asString())
                .at("/settings/competitive/sell-buy/train");

        long n = train.get("n").asLong();
        assertThat(n).isGreaterThanOrEqualTo(2);
        assertThat(train.at("/rates/meanMoves").asDouble()).isEqualTo((double) train.at("/counts/moves").asLong() / n);
        assertThat(train.at("/rates/winRateP1").asDouble())
                .isEqualTo((double) train.at("/counts/winP1").asLong() / train.at("/counts/decisive").asLong());
        assertThat(train.at("/rates/meanPayoffP2").asDouble())
                .isEqualTo((double) train.at("/counts/payoffP2").asLong() / n);
        assertThat(train.at("/counts/endAccept").asLong()).isGreaterThanOrEqualTo(2);
    }

    private void send(java.util.Collection<TrajectoryEvent> trajectories) throws Exception {
        for (TrajectoryEvent t : trajectories) {
            topics.send("trajectories", t.task().id(), Json.mapper().writeValueAsString(t));
        }
    }

    private Document stored(TrajectoryEvent t) {
        return db.getCollection("trajectories").find(new Document("_id", t.id())).first();
    }

    private void awaitPublished(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document doc = db.getCollection("trajectories").find(new Document("_id", id)).first();
            return doc != null && Boolean.TRUE.equals(doc.getBoolean("published"));
        });
    }
}
