package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Repair;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team variants through the filter: a {@code "repair": "none"} team's failures are stored and never
 * routed to {@code failures}; a STaR rationalization is graded as usual and its example is the
 * solver's original chat (no hint) under the variant's own agent id.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class VariantFilingTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final List<ChatMessage> SOLVER_CHAT = List.of(ChatMessage.system("Working alone, you read the abstract."),
            ChatMessage.user("Question: Does exercise lower blood pressure?"));

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

    private static TaskEvent task(String subject, String run) {
        return new TaskEvent(subject + "/" + UUID.randomUUID(), "problem-solving", subject,
                "Does exercise lower blood pressure?", List.of("yes", "no", "maybe"),
                "RESULTS: Systolic pressure fell by 8 mmHg.", "yes", "train", 0).withRun(run);
    }

    private static Turn turn(String role, List<ChatMessage> chat, String answer) {
        return new Turn(role, "gpt-4o-mini", chat, "Weighing the evidence.\nAnswer: " + answer, new TokenUsage(200, 20),
                500);
    }

    private static TrajectoryEvent generated(TaskEvent task, List<Turn> turns) {
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, "generated", null, null, 0, turns, AT,
                AT.plusSeconds(2));
    }

    @Test
    void aNoRepairTeamsFailureIsStoredButNeverSentForRepairItsBaseTeamsIs() throws Exception {
        String run = "run-norepair-" + UUID.randomUUID();
        List<Turn> team = List.of(turn("analyst", SOLVER_CHAT, "no"), turn("solver", SOLVER_CHAT, "no"));
        TaskEvent ablation = task("pubmedqa-norepair", run);
        TaskEvent base = task("pubmedqa", run);
        topics.send("trajectories", ablation.id(), Json.mapper().writeValueAsString(generated(ablation, team)));
        topics.send("trajectories", base.id(), Json.mapper().writeValueAsString(generated(base, team)));

        topics.await("failures", base.id()::equals, 1, Duration.ofSeconds(20));
        assertThat(awaitPublished(ablation.id() + "@r0#0").getBoolean("correct")).isFalse();
        awaitPublished(base.id() + "@r0#0");
        assertThat(topics.records("failures", ablation.id()::equals)).isEmpty();
        given().get("/runs/" + run).then().statusCode(200)
                .body("tasks.graded", equalTo(2))
                .body("tasks.waitingForRepair", equalTo(1))
                .body("tasks.failuresSentToRepair", equalTo(1));
    }

    @Test
    void aRationalizedSuccessEntersTheLibraryWithTheOriginalChatUnderTheVariantsAgent() throws Exception {
        TaskEvent task = task("pubmedqa-star", "run-star-" + UUID.randomUUID());
        TrajectoryEvent failed = generated(task, List.of(turn("solver", SOLVER_CHAT, "no")));
        Repair repair = Repair.rationalize("gpt-4o-mini", failed.turns().get(0).output(),
                "Weighing the evidence.\nAnswer: yes");
        TrajectoryEvent rationalized = new TrajectoryEvent(TrajectoryEvent.idFor(task, 1), task, "regenerated",
                failed.id(), "solver", 1, List.of(turn("solver", SOLVER_CHAT, "yes")), AT, AT.plusSeconds(5), repair);
        topics.send("trajectories", task.id(), Json.mapper().writeValueAsString(failed));
        topics.await("failures", task.id()::equals, 1, Duration.ofSeconds(20));
        topics.send("regenerated", task.id(), Json.mapper().writeValueAsString(rationalized));

        var records = topics.await("finetune-records", rationalized.id()::equals, 1, Duration.ofSeconds(20));
        FinetuneRecord example = Json.mapper().readValue(records.get(0).value(), FinetuneRecord.class);
        assertThat(example.agent()).isEqualTo("pubmedqa-star-solver");
        assertThat(example.origin()).isEqualTo("regenerated");
        assertThat(example.messages().subList(0, 2)).isEqualTo(SOLVER_CHAT);
        assertThat(example.messages().get(2).content()).endsWith("Answer: yes");
        assertThat(Json.mapper().writeValueAsString(example.messages())).doesNotContain("correct answer is");
        Document stored = awaitPublished(rationalized.id());
        assertThat(stored.get("repair", Document.class).getString("method")).isEqualTo("rationalize");
    }

    private Document awaitPublished(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> db.getCollection("trajectories")
                .find(Filters.and(Filters.eq("_id", id), Filters.eq("published", true))).first() != null);
        return db.getCollection("trajectories").find(Filters.eq("_id", id)).first();
    }
}
