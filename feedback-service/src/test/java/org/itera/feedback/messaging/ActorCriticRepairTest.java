package org.itera.feedback.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.itera.core.event.Grade;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * A failed actor-critic episode (a wrong answer the judge accepted) is repaired like a team's: the
 * repair critic, who knows the answer, works on the actor's first answer; the repaired episode is
 * that answer, rephrased, with the actor's original solve prompt, and nothing else runs again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class ActorCriticRepairTest {

    static final String REPHRASED = "3 + 4 = 7\nAnswer: 7";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void theActorsFirstAnswerIsRepairedAndTheEpisodeEndsThere() throws Exception {
        llm.server().resetAll();
        llm.replyWhen(List.of("You review the work of a team"), "gpt-4o", "The actor added 3 and 4 wrongly.", 1)
                .replyWhen(List.of("A reviewer looked at your answer above"), "gpt-4o-mini", "3 + 4 = 7", 1)
                .replyWhen(List.of("Rewrite the draft as a clean, direct answer"), "gpt-4o-mini", REPHRASED, 1);
        String taskId = "arithmetic/ac-" + UUID.randomUUID();
        GradedTrajectoryEvent failure = acceptedWrongAnswer(taskId);

        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "regenerated")) {
            topics.send("failures", taskId, Json.mapper().writeValueAsString(failure));

            var record = topics.await("regenerated", taskId::equals, 1, Duration.ofSeconds(30)).get(0);
            TrajectoryEvent repaired = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
            assertThat(repaired.id()).isEqualTo("actor-critic:" + taskId + "@r0#1");
            assertThat(repaired.repairedRole()).isEqualTo("actor");
            assertThat(repaired.parentId()).isEqualTo(failure.trajectory().id());
            Turn actor = repaired.turns().get(0);
            assertThat(repaired.turns()).hasSize(1);
            assertThat(actor.step()).isEqualTo("solve");
            assertThat(actor.messages()).isEqualTo(failure.trajectory().turns().get(0).messages());
            assertThat(actor.output()).isEqualTo(REPHRASED);
        }
        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("You review the work of a team"))
                .withRequestBody(containing("The correct answer is: 7"))
                .withRequestBody(containing("3 + 4 = 8")));
        llm.server().verify(3, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH)));
    }

    /** An episode, with the real actor-critic prompts, whose wrong answer the judge accepted. */
    private static GradedTrajectoryEvent acceptedWrongAnswer(String taskId) {
        TaskEvent task = new TaskEvent(taskId, "actor-critic", "arithmetic",
                "Tom has 3 apples and buys 4 more. How many apples does he have?", null, null, "7", "train", 0);
        List<Turn> turns = new TeamRunner(TeamCatalog.standard()).run(task, (agent, role, messages) ->
                new Turn(role, "gpt-4o-mini", messages, role.equals("actor") ? "3 + 4 = 8\nAnswer: 8" : "Verdict: accept",
                        new TokenUsage(100, 20), 300));
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        TrajectoryEvent trajectory = new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, "generated", null, null,
                0, turns, at, at.plusSeconds(2));
        return new GradedTrajectoryEvent(trajectory, new Grade("8", "7", false, "expected 7, read 8"));
    }
}
