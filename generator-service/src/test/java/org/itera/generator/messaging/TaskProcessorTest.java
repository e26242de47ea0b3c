package org.itera.generator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks pushed onto the real broker come out as trajectories, one LLM call per agent turn. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TaskProcessorTest {

    @InjectOpenAiMock
    OpenAiMock llm;

    TopicWatcher topics;

    @BeforeEach
    void watch() {
        llm.server().resetAll();
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories", "tasks-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void runsEveryRoleOfThePhysicsTeamInOrderAndRecordsEachTurn() throws Exception {
        String id = "physics/" + UUID.randomUUID();
        llm.replyWhen(List.of("You are a physicist"), "gpt-4o-mini-2024-07-18", "Use v = d / t with d = 100 m.", 1)
                .replyWhen(List.of("You are a mathematician"), "gpt-4o-mini-2024-07-18", "v = 100 / 20 = 5 m/s.", 1)
                .replyWhen(List.of("final answer"), "gpt-4o-mini-2024-07-18", "The speed is 5 m/s.\nAnswer: 5", 1);

        topics.send("tasks", id, taskJson(id, "physics", "A runner covers 100 m in 20 s. What is the speed in m/s?", "5"));

        ConsumerRecord<String, String> record = topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent trajectory = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        assertThat(trajectory.id()).isEqualTo(id + "@r0#0");
        assertThat(trajectory.origin()).isEqualTo("generated");
        assertThat(trajectory.turns()).extracting(Turn::role).containsExactly("physicist", "mathematician", "synthesizer");
        assertThat(trajectory.turns()).allSatisfy(turn -> {
            assertThat(turn.model()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(turn.usage().promptTokens()).isPositive();
            assertThat(turn.usage().completionTokens()).isPositive();
            assertThat(turn.latencyMs()).isNotNegative();
        });
        Turn synthesizer = trajectory.turns().get(2);
        assertThat(synthesizer.messages().get(1).content())
                .contains("A runner covers 100 m", "Use v = d / t", "v = 100 / 20 = 5 m/s.", "Answer:");
        assertThat(trajectory.turns().get(0).messages().get(1).content()).doesNotContain("v = 100 / 20");
        assertThat(trajectory.finalOutput()).endsWith("Answer: 5");
        assertThat(record.value()).doesNotContain(OpenAiMockResource.TEST_API_KEY);
        llm.server().verify(3, WireMock.postRequestedFor(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(WireMock.containing("A runner covers 100 m"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + OpenAiMockResource.TEST_API_KEY)));
    }

    @Test
    void retriesRateLimitsAndServerErrorsThenSucceeds() throws Exception {
        String id = "pubmedqa/" + UUID.randomUUID();
        llm.replyByDefault("gpt-4o-mini", "The trial found a clear benefit.\nAnswer: yes");
        llm.server().stubFor(WireMock.post(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                .withRequestBody(WireMock.containing("Does the drug help?")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(WireMock.aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiMock.errorJson("Rate limit reached", "requests", "rate_limit_exceeded")))
                .willSetStateTo("once"));
        llm.server().stubFor(WireMock.post(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                .withRequestBody(WireMock.containing("Does the drug help?")).inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(WireMock.aResponse().withStatus(503).withBody("upstream overloaded"))
                .willSetStateTo("recovered"));

        topics.send("tasks", id, taskJson(id, "pubmedqa", "Does the drug help?", "yes"));

        ConsumerRecord<String, String> record = topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent trajectory = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        assertThat(trajectory.turns()).extracting(Turn::role).containsExactly("analyst", "solver");
        llm.server().verify(4, WireMock.postRequestedFor(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(WireMock.containing("Does the drug help?")));
    }

    @Test
    void aTaskWhoseCallsKeepFailingLandsOnTheDeadLetterTopicWithTheReason() {
        String id = "gsm8k/" + UUID.randomUUID();
        llm.server().stubFor(WireMock.post(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH))
                .willReturn(WireMock.aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiMock.errorJson("The server had an error", "server_error", null))));

        topics.send("tasks", id, taskJson(id, "gsm8k", "What is 2 + 2?", "4"));

        ConsumerRecord<String, String> dead = topics.await("tasks-dlq", id::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("failed after 3 attempt(s)", "500")
                .doesNotContain(OpenAiMockResource.TEST_API_KEY);
        assertThat(dead.value()).contains(id);
        assertThat(topics.records("trajectories", id::equals)).isEmpty();
    }

    @Test
    void malformedAndInvalidTasksGoToTheDeadLetterTopicAndTheServiceStaysReady() {
        String bad = "bad-" + UUID.randomUUID();
        String unknown = "unknown-" + UUID.randomUUID();
        topics.send("tasks", bad, "{not json");
        topics.send("tasks", unknown, taskJson(unknown, "astrology", "Will it rain?", "yes"));

        ConsumerRecord<String, String> malformed = topics.await("tasks-dlq", bad::equals, 1, Duration.ofSeconds(30)).get(0);
        ConsumerRecord<String, String> invalid = topics.await("tasks-dlq", unknown::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(malformed, "dead-letter-reason")).contains("not a JSON task object");
        assertThat(TopicWatcher.header(invalid, "dead-letter-reason")).contains("unknown subject 'astrology'");
        given().get("/q/health/ready").then().statusCode(200);
    }

    static String taskJson(String id, String subject, String question, String answer) {
        var node = Json.mapper().createObjectNode();
        node.put("id", id).put("subject", subject).put("question", question).put("answer", answer).put("split", "train");
        if ("pubmedqa".equals(subject)) {
            node.put("context", "BACKGROUND: A randomised trial.");
            node.putArray("choices").add("yes").add("no").add("maybe");
        }
        return node.toString();
    }
}
