package org.itera.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The actor-critic setting end to end: generator, filter and feedback services as processes over a
 * real broker and store, on seeded arithmetic tasks made here, with WireMock scripted so that one
 * episode of each judge label occurs (PT, PF, NT, NF, and an unreadable verdict), the NF one is
 * rescued by the repair loop and the unreadable one is exhausted. Exact counts of trajectories by
 * label and of library entries per role and origin, unchanged after every task, trajectory,
 * failure and repair is delivered again.
 */
class ActorCriticIT {

    static ServiceStack stack;
    static MongoDatabase db;
    static List<TaskEvent> tasks;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(Map.of("ITERA_REPAIR_MAX_ATTEMPTS", "1", "ITERA_LLM_MODEL", "gpt-4o-mini"),
                Duration.ofSeconds(120), "generator-service", "filter-service", "feedback-service");
        db = stack.db();
        tasks = ArithmeticProblems.tasks(Difficulty.parse("d1s1-add"), 4242, 5, "train").stream()
                .map(t -> new TaskEvent(t.id(), "actor-critic", t.subject(), t.question(), t.choices(), t.context(),
                        t.answer(), t.split(), t.round()))
                .toList();
        new ActorCriticScript(stack.llm()).episodes(tasks);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyLabelIsCountedOnceAndTheRepairLoopRescuesTheAcceptedWrongAnswer() throws Exception {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        try (TopicWatcher topics = TopicWatcher.watch(bootstrap, "trajectories", "failures", "regenerated")) {
            for (TaskEvent task : tasks) {
                topics.send("tasks", task.id(), Json.mapper().writeValueAsString(task));
            }
            awaitSettled(bootstrap);
            assertCounts();

            for (String topic : List.of("trajectories", "failures", "regenerated")) {
                topics.records(topic, this::ours).forEach(r -> topics.send(topic, r.key(), r.value()));
            }
            for (TaskEvent task : tasks) {
                topics.send("tasks", task.id(), Json.mapper().writeValueAsString(task));
            }
            topics.await("trajectories", this::ours, 10, Duration.ofSeconds(120));
            awaitSettled(bootstrap);
            assertCounts();
        }
        JsonNode stats = Json.mapper().readTree(stack.services().get(1).get("/library/stats").body());
        JsonNode train = stats.at("/settings/actor-critic/arithmetic/train");
        assertThat(train.get("n").asInt()).isEqualTo(5);
        assertThat(train.at("/counts/unparsed").asInt()).isEqualTo(1);
        assertThat(train.at("/rates/tpAccuracy").asDouble()).isEqualTo(0.2);
        assertThat(train.at("/rates/overallAccuracy").asDouble()).isEqualTo(0.6);
        assertThat(train.at("/rates/judgeAccuracy").asDouble()).isEqualTo(0.6);
    }

    private boolean ours(String key) {
        return tasks.stream().anyMatch(t -> key.contains(t.id()));
    }

    private static void assertCounts() {
        String id0 = "actor-critic:" + tasks.get(0).id();
        List<Document> trajectories = db.getCollection("trajectories")
                .find(new Document("taskId", new Document("$in", tasks.stream().map(TaskEvent::id).toList())))
                .into(new ArrayList<>());
        assertThat(trajectories).hasSize(7);
        Map<String, Long> labels = new TreeMap<>();
        trajectories.stream().filter(d -> d.getInteger("attempt") == 0)
                .forEach(d -> labels.merge(d.get("labels", Document.class).getString("judge"), 1L, Long::sum));
        assertThat(labels).containsExactly(Map.entry("NF", 1L), Map.entry("NT", 2L), Map.entry("PF", 1L),
                Map.entry("PT", 1L));
        assertThat(trajectories.stream().filter(d -> d.getBoolean("correct"))).hasSize(4);
        Document rescued = byId(trajectories, "actor-critic:" + tasks.get(3).id() + "@r0#1");
        assertThat(rescued.getBoolean("correct")).isTrue();
        assertThat(rescued.getString("repairedRole")).isEqualTo("actor");
        assertThat(byId(trajectories, "actor-critic:" + tasks.get(4).id() + "@r0#1").getString("repairStatus"))
                .isEqualTo("exhausted");
        assertThat(byId(trajectories, id0 + "@r0#0").getString("extracted")).isEqualTo(tasks.get(0).answer());

        List<Document> library = db.getCollection("experience").find().into(new ArrayList<>()).stream()
                .filter(d -> tasks.stream().anyMatch(t -> d.getString("trajectoryId").contains(t.id()))).toList();
        Map<String, Long> byRoleAndOrigin = new TreeMap<>();
        library.forEach(d -> byRoleAndOrigin.merge(d.getString("role") + "/" + d.getString("origin"), 1L, Long::sum));
        assertThat(byRoleAndOrigin).containsExactly(Map.entry("actor/generated", 3L), Map.entry("actor/regenerated", 1L),
                Map.entry("critic/generated", 2L), Map.entry("judge/generated", 2L));
        assertThat(db.getCollection("repairs").countDocuments(new Document("taskId",
                new Document("$in", tasks.stream().map(TaskEvent::id).toList())))).isEqualTo(2);
    }

    private static Document byId(List<Document> docs, String id) {
        return docs.stream().filter(d -> id.equals(d.getString("_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no trajectory " + id));
    }

    /** Every topic's records consumed and each task's last attempt filed. */
    private static void awaitSettled(String bootstrap) {
        Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ConsumerLag.of(bootstrap, "generator-service", "tasks") == 0
                        && ConsumerLag.of(bootstrap, "filter-service", "trajectories") == 0
                        && ConsumerLag.of(bootstrap, "feedback-service", "failures") == 0
                        && ConsumerLag.of(bootstrap, "filter-service", "regenerated") == 0
                        && db.getCollection("trajectories").countDocuments(new Document("published", true)
                                .append("taskId", new Document("$in", tasks.stream().map(TaskEvent::id).toList()))) == 7);
    }
}
