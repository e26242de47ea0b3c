package org.itera.feedback.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.Repair;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.feedback.Failures;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team with {@code "repair": "rationalize"} (pubmedqa-star) is repaired STaR's way: one call, the
 * original request with the correct answer as a hint, no critic and no rephrasing; the repaired turn
 * keeps the original chat, so its training example never sees the hint. A {@code "repair": "none"}
 * failure that arrives anyway is not repaired.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
public class RationalizeRepairTest {

    static final String HINT = "Hint: the correct answer is yes.";
    static final String RATIONALE = "The trial reports a significant 8 mmHg fall in systolic pressure.\nAnswer: yes";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Inject
    MeterRegistry registry;

    TopicWatcher topics;

    @BeforeEach
    void script() {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini", "Unscripted call.");
        llm.replyWhen(List.of(HINT), "gpt-4o-mini", RATIONALE, 1);
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "regenerated", "failures-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
    }

    private double noPlan() {
        Counter counter = registry.find("itera.repairs.skipped").tag("reason", "no-plan").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theSolverAnswersAgainWithTheHintAndTheRepairedTurnKeepsItsOriginalChat() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        String question = "Does walking lower blood pressure " + taskId + "?";
        GradedTrajectoryEvent failure = Failures.of("pubmedqa-star", taskId, question, 0);
        topics.send("failures", taskId, Json.mapper().writeValueAsString(failure));

        var record = topics.await("regenerated", taskId::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent repaired = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        Turn original = failure.trajectory().turns().get(0);
        assertThat(repaired.id()).isEqualTo(taskId + "@r0#1");
        assertThat(repaired.repairedRole()).isEqualTo("solver");
        assertThat(repaired.turns()).hasSize(1);
        Turn solver = repaired.turns().get(0);
        assertThat(solver.messages()).isEqualTo(original.messages());
        assertThat(Json.mapper().writeValueAsString(solver.messages())).doesNotContain("correct answer is");
        assertThat(solver.output()).isEqualTo(RATIONALE);
        Repair repair = repaired.repair();
        assertThat(repair.method()).isEqualTo(Repair.RATIONALIZE);
        assertThat(repair.feedback()).isNull();
        assertThat(repair.criticModel()).isNull();
        assertThat(repair.rephraseModel()).isNull();
        assertThat(repair.regenerateModel()).isEqualTo("gpt-4o-mini");
        assertThat(repair.originalOutput()).isEqualTo(original.output());

        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(HINT)).withRequestBody(containing(question))
                .withRequestBody(containing("Working alone, you read the abstract")));
        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH)).withRequestBody(containing(question)));
        llm.server().verify(0, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(Failures.SOLVER_SAID)));
    }

    @Test
    void aNoRepairTeamsFailureIsNotRepaired() throws Exception {
        double skipped = noPlan();
        String taskId = "pubmedqa/" + UUID.randomUUID();
        String question = "Is this ablation left alone " + taskId + "?";
        topics.send("failures", taskId,
                Json.mapper().writeValueAsString(Failures.of("pubmedqa-norepair", taskId, question, 0)));
        String marker = "pubmedqa/" + UUID.randomUUID();
        topics.send("failures", marker,
                Json.mapper().writeValueAsString(Failures.of("pubmedqa-star", marker, "Marker " + marker + "?", 0)));

        topics.await("regenerated", marker::equals, 1, Duration.ofSeconds(30));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> noPlan() == skipped + 1);
        assertThat(topics.records("regenerated", taskId::equals)).isEmpty();
        assertThat(topics.records("failures-dlq", taskId::equals)).isEmpty();
        llm.server().verify(0, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH)).withRequestBody(containing(question)));
    }
}
