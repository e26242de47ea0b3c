package org.itera.feedback.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.itera.core.event.GradedTrajectoryEvent;
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

/** Failures from the real broker are repaired through WireMock's scripted critic, regeneration and rephrasing. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
public class FailureConsumerTest {

    static final String FEEDBACK = "You overlooked the significant fall in systolic pressure in the results.";
    static final String REGENERATED = "Correction after feedback: the results show a significant fall.";
    static final String REPHRASED = "The trial reports a significant 8 mmHg fall in systolic pressure.";

    @InjectOpenAiMock
    OpenAiMock llm;

    TopicWatcher topics;

    @BeforeEach
    void script() {
        llm.server().resetAll();
        scriptRepairs(llm);
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "regenerated", "failures-dlq");
    }

    /** The critic, regeneration, rephrasing and the later role's reply of a PubMedQA repair. */
    public static void scriptRepairs(OpenAiMock llm) {
        llm.replyWhen(List.of("You review the work of a team"), "gpt-4o-2024-08-06", FEEDBACK, 1)
                .replyWhen(List.of("A reviewer looked at your answer above"), "gpt-4o-mini", REGENERATED, 1)
                .replyWhen(List.of("Rewrite the draft as a clean, direct answer"), "gpt-4o-mini", REPHRASED, 1)
                .replyWhen(List.of("You answer biomedical research questions", REPHRASED), "gpt-4o-mini",
                        "The fall is significant.\nAnswer: yes", 2);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void repairsTheFirstRoleAndReRunsTheLaterOnesOnItsRephrasedAnswer() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        GradedTrajectoryEvent failure = Failures.pubmedqa(taskId, "Does exercise lower blood pressure?", 0);
        topics.send("failures", taskId, Json.mapper().writeValueAsString(failure));

        var record = topics.await("regenerated", taskId::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent repaired = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        assertThat(repaired.id()).isEqualTo(taskId + "@r0#1");
        assertThat(repaired.origin()).isEqualTo("regenerated");
        assertThat(repaired.parentId()).isEqualTo(failure.trajectory().id());
        assertThat(repaired.repairedRole()).isEqualTo("analyst");
        assertThat(repaired.attempt()).isEqualTo(1);
        assertThat(repaired.repair().feedback()).isEqualTo(FEEDBACK);
        assertThat(repaired.repair().criticModel()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(repaired.repair().regeneratedOutput()).isEqualTo(REGENERATED);
        Turn analyst = repaired.turns().get(0);
        assertThat(analyst.messages()).isEqualTo(failure.trajectory().turns().get(0).messages());
        assertThat(analyst.output()).isEqualTo(REPHRASED);
        Turn solver = repaired.turns().get(1);
        assertThat(solver.messages().get(1).content()).contains(REPHRASED).doesNotContain(Failures.ANALYST_SAID);
        assertThat(solver.output()).endsWith("Answer: yes");

        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("You review the work of a team"))
                .withRequestBody(containing(Failures.ANALYST_SAID))
                .withRequestBody(containing("The correct answer is: yes"))
                .withRequestBody(containing("Does exercise lower blood pressure?")));
        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("A reviewer looked at your answer above"))
                .withRequestBody(containing(FEEDBACK)).withRequestBody(containing(Failures.ANALYST_SAID)));
        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("Rewrite the draft")).withRequestBody(containing(REGENERATED)));
        assertThat(record.value()).doesNotContain(OpenAiMockResource.TEST_API_KEY);
    }

    @Test
    void aRedeliveredFailureIsNotRepairedTwice() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        String question = "Is walking good for the heart " + taskId + "?";
        String failure = Json.mapper().writeValueAsString(Failures.pubmedqa(taskId, question, 0));
        topics.send("failures", taskId, failure);
        topics.await("regenerated", taskId::equals, 1, Duration.ofSeconds(30));

        topics.send("failures", taskId, failure);
        String marker = "pubmedqa/" + UUID.randomUUID();
        topics.send("failures", marker, Json.mapper().writeValueAsString(Failures.pubmedqa(marker, "Marker " + marker + "?", 0)));
        topics.await("regenerated", marker::equals, 1, Duration.ofSeconds(30));
        assertThat(topics.records("regenerated", taskId::equals)).hasSize(1);
        llm.server().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("You review the work of a team")).withRequestBody(containing(question)));
    }

    @Test
    void theBudgetIsTheFiltersAFailureItSentIsRepairedWhateverItsAttempt() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        topics.send("failures", taskId, Json.mapper().writeValueAsString(Failures.pubmedqa(taskId, "Third repair?", 2)));

        var record = topics.await("regenerated", taskId::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent repaired = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        assertThat(repaired.attempt()).isEqualTo(3);
        assertThat(repaired.repairedRole()).isEqualTo("analyst");
    }

    @Test
    void aCriticThatKeepsFailingSendsTheFailureToTheDeadLetterTopic() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        String question = "Unlucky question " + taskId + "?";
        llm.server().stubFor(WireMock.post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(0)
                .withRequestBody(containing(question))
                .willReturn(WireMock.aResponse().withStatus(503).withBody("overloaded")));
        topics.send("failures", taskId, Json.mapper().writeValueAsString(Failures.pubmedqa(taskId, question, 0)));

        var dead = topics.await("failures-dlq", taskId::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("critic", "503", "after 3 attempt(s)");
        assertThat(topics.records("regenerated", taskId::equals)).isEmpty();
    }

    @Test
    void malformedFailuresGoToTheDeadLetterTopicAndTheServiceStaysReady() {
        String key = "broken-" + UUID.randomUUID();
        topics.send("failures", key, "{\"trajectory\": {\"id\": \"x\"}}");
        topics.send("failures", key, "not json at all");
        var dead = topics.await("failures-dlq", key::equals, 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("carries no task"))
                .anySatisfy(reason -> assertThat(reason).contains("not a JSON graded trajectory"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
