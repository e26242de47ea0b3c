package org.itera.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.e2e.GameScript.tagged;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.cli.stack.ConsumerLag;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The competitive setting end to end: generator and filter as processes over a real broker and
 * store, WireMock playing seven scripted games of all three games, one or more to each end reason
 * (accept, reject, limit, invalid, and error: the LLM refuses a call for good). Exact counts of
 * trajectories by end reason; library examples only from won games of trainable roles, each with
 * several assistant turns; nothing on {@code failures}; the same after every task and trajectory
 * is delivered again.
 */
class CompetitiveIT {

    private static final String PROPOSER = "You are the proposer";
    private static final String RESPONDER = "You are the responder";
    private static final String PLAYER = "You are trading resources";

    static ServiceStack stack;
    static MongoDatabase db;
    static List<TaskEvent> games = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(Map.of("ITERA_LLM_MODEL", "gpt-4o-mini"), Duration.ofSeconds(120),
                "generator-service", "filter-service");
        db = stack.db();
        script(new GameScript(stack.llm()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /** Each ultimatum game has a pot of its own, which both players' prompts name. */
    private static TaskEvent ultimatum(String name, int pot) {
        return game(name, "ultimatum", Map.of("holdings", Map.of("proposer", Map.of("dollars", pot))));
    }

    /** A game in the tagged format, with these overrides. */
    private static TaskEvent game(String name, String game, Map<String, Object> overrides) {
        Map<String, Object> tagged = new java.util.LinkedHashMap<>(Map.of("format", "tagged"));
        tagged.putAll(overrides);
        TaskEvent task = TaskEvent.ofGame("e2e-games/" + name, "competitive", game, (long) games.size() + 1, tagged,
                "train", null);
        games.add(task);
        return task;
    }

    private static void script(GameScript llm) {
        ultimatum("accept", 100);
        llm.move(1, 8, List.of(PROPOSER, "100 dollars"), tagged("Ten for you.", "OFFER", "10"))
                .move(2, 8, List.of(RESPONDER, "100 dollars"), tagged("Too little.", "OFFER", "70"))
                .move(3, 8, List.of(PROPOSER, "100 dollars"), tagged("Meet me at thirty.", "OFFER", "$30"))
                .move(4, 8, List.of(RESPONDER, "100 dollars"), tagged("Fine.", "ACCEPT", null));
        ultimatum("reject", 101);
        llm.move(1, 8, List.of(PROPOSER, "101 dollars"), tagged("One for you.", "OFFER", "1"))
                .move(2, 8, List.of(RESPONDER, "101 dollars"), tagged("Never.", "REJECT", null));
        ultimatum("invalid", 103);
        llm.move(1, 8, List.of(PROPOSER, "103 dollars"), "I offer you forty dollars.")
                .retry(List.of(PROPOSER, "103 dollars"), "Forty dollars for you, then.");
        ultimatum("error", 104);
        llm.move(1, 8, List.of(PROPOSER, "104 dollars"), tagged("Half.", "OFFER", "52"))
                .refuse(2, 8, List.of(RESPONDER, "104 dollars"));
        game("sell", "sell-buy", Map.of());
        llm.move(1, 10, List.of("You are selling"), tagged("It is worth a lot.", "PRICE", "70"))
                .move(2, 10, List.of("You want to buy"), tagged("Too much.", "PRICE", "52"))
                .move(3, 10, List.of("You are selling"), tagged("Split the gap.", "PRICE", "58"))
                .move(4, 10, List.of("You want to buy"), tagged("Deal.", "ACCEPT", null));
        game("trade", "resource-exchange", Map.of());
        llm.move(1, 8, List.of(PLAYER, "You hold 25 X and 5 Y"), tagged("A small swap?", "GIVE", "3 X FOR 3 Y"))
                .move(2, 8, List.of(PLAYER, "You hold 5 X and 25 Y"), tagged("Let me think.", "WAIT", null))
                .move(3, 8, List.of(PLAYER, "You hold 25 X and 5 Y"), tagged("Generous offer.", "GIVE", "10 X FOR 2 Y"))
                .move(4, 8, List.of(PLAYER, "You hold 5 X and 25 Y"), tagged("Yes.", "ACCEPT", null));
        game("limit", "resource-exchange", Map.of("moves", 2, "holdings",
                Map.of("player1", Map.of("X", 24, "Y", 5), "player2", Map.of("X", 5, "Y", 24))));
        llm.move(1, 2, List.of(PLAYER, "You hold 24 X and 5 Y"), tagged("Waiting.", "WAIT", null))
                .move(2, 2, List.of(PLAYER, "You hold 5 X and 24 Y"), tagged("Me too.", "WAIT", null));
    }

    @Test
    void everyGameIsRecordedWithItsEndAndOnlyWinsOfTrainableRolesTeach() throws Exception {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        try (TopicWatcher topics = TopicWatcher.watch(bootstrap, "trajectories", "failures", "finetune-records")) {
            for (TaskEvent game : games) {
                topics.send("tasks", game.id(), Json.mapper().writeValueAsString(game));
            }
            awaitSettled(bootstrap);
            assertCounts();

            topics.records("trajectories", CompetitiveIT::ours).forEach(r -> topics.send("trajectories", r.key(), r.value()));
            for (TaskEvent game : games) {
                topics.send("tasks", game.id(), Json.mapper().writeValueAsString(game));
            }
            topics.await("trajectories", CompetitiveIT::ours, 2 * games.size(), Duration.ofSeconds(120));
            awaitSettled(bootstrap);
            assertCounts();
            assertThat(topics.records("failures", CompetitiveIT::ours)).isEmpty();
            assertThat(topics.records("finetune-records", CompetitiveIT::ours)).hasSize(3)
                    .extracting(r -> Json.mapper().readTree(r.value()).path("agent").asText())
                    .containsExactlyInAnyOrder("ultimatum-proposer", "sell-buy-seller", "resource-exchange-player2");
        }
        JsonNode stats = Json.mapper().readTree(stack.services().get(1).get("/library/stats").body());
        JsonNode ultimatum = stats.at("/settings/competitive/ultimatum/train");
        assertThat(ultimatum.get("n").asInt()).isEqualTo(4);
        assertThat(ultimatum.at("/counts/endError").asInt()).isEqualTo(1);
        assertThat(ultimatum.at("/rates/dealRate").asDouble()).isEqualTo(0.25);
        assertThat(ultimatum.at("/rates/winRate").asDouble()).isEqualTo(0.5);
    }

    private static boolean ours(String key) {
        return key.contains("e2e-games/");
    }

    private static void assertCounts() {
        List<Document> trajectories = db.getCollection("trajectories").find(new Document("taskId",
                new Document("$in", games.stream().map(TaskEvent::id).toList()))).into(new ArrayList<>());
        assertThat(trajectories).hasSize(7);
        Map<String, Long> ends = new TreeMap<>();
        trajectories.forEach(d -> ends.merge(d.get("game", Document.class).getString("endReason"), 1L, Long::sum));
        assertThat(ends).containsExactly(Map.entry("accept", 3L), Map.entry("error", 1L), Map.entry("invalid", 1L),
                Map.entry("limit", 1L), Map.entry("reject", 1L));
        Document error = byTask(trajectories, "e2e-games/error");
        assertThat(error.get("game", Document.class).getString("endDetail"))
                .contains("responder's move 2 failed").contains("HTTP 400");
        assertThat(byTask(trajectories, "e2e-games/invalid").get("game", Document.class).getString("winner"))
                .isEqualTo("responder");

        List<Document> library = db.getCollection("experience").find().into(new ArrayList<>()).stream()
                .filter(d -> d.getString("trajectoryId").contains("e2e-games/")).toList();
        Map<String, Long> byAgent = new TreeMap<>();
        library.forEach(d -> byAgent.merge(d.getString("agent"), 1L, Long::sum));
        assertThat(byAgent).containsExactly(Map.entry("resource-exchange-player2", 1L), Map.entry("sell-buy-seller", 1L),
                Map.entry("ultimatum-proposer", 1L));
        for (Document example : library) {
            List<Document> replies = example.getList("messages", Document.class).stream()
                    .filter(m -> "assistant".equals(m.getString("role"))).toList();
            assertThat(replies).as(example.getString("_id")).extracting(m -> m.getInteger("weight"))
                    .containsExactly(0, 0, null, null); // the practice exchange, then the two moves it learns
        }
    }

    private static Document byTask(List<Document> docs, String taskId) {
        return docs.stream().filter(d -> taskId.equals(d.getString("taskId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no trajectory of " + taskId));
    }

    private static void awaitSettled(String bootstrap) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ConsumerLag.of(bootstrap, "generator-service", "tasks") == 0
                        && ConsumerLag.of(bootstrap, "filter-service", "trajectories") == 0
                        && db.getCollection("trajectories").countDocuments(new Document("published", true)
                                .append("taskId", new Document("$in", games.stream().map(TaskEvent::id).toList()))) == 7);
    }
}
