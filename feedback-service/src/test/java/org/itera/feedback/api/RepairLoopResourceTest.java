package org.itera.feedback.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.itera.core.json.Json;
import org.itera.feedback.Failures;
import org.itera.feedback.messaging.FailureConsumerTest;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pausing the repair loop over HTTP holds failures on the topic, and resuming repairs each once. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class RepairLoopResourceTest {

    @InjectOpenAiMock
    OpenAiMock llm;

    TopicWatcher topics;

    @BeforeEach
    void script() {
        llm.server().resetAll();
        FailureConsumerTest.scriptRepairs(llm);
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "regenerated");
    }

    @AfterEach
    void close() {
        given().post("/repairs/resume");
        topics.close();
    }

    @Test
    void failuresWaitWhilePausedAndAreRepairedOnceAfterTheResume() throws Exception {
        given().get("/repairs").then().statusCode(200).body("paused", is(false));
        String first = send("Before the pause");
        topics.await("regenerated", first::equals, 1, Duration.ofSeconds(30));

        given().post("/repairs/pause").then().statusCode(200).body("paused", is(true));
        given().post("/repairs/pause").then().statusCode(200).body("paused", is(true));
        String second = send("During the pause, one");
        String third = send("During the pause, two");
        Thread.sleep(3_000); // the first repair took well under this: a running loop would have repaired these
        assertThat(topics.records("regenerated", key -> key.equals(second) || key.equals(third))).isEmpty();
        llm.server().verify(0, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("During the pause")));
        given().get("/repairs").then().body("paused", is(true));

        given().post("/repairs/resume").then().statusCode(200).body("paused", is(false));
        topics.await("regenerated", second::equals, 1, Duration.ofSeconds(30));
        topics.await("regenerated", third::equals, 1, Duration.ofSeconds(30));
        String marker = send("After the resume");
        topics.await("regenerated", marker::equals, 1, Duration.ofSeconds(30));
        assertThat(topics.records("regenerated", second::equals)).hasSize(1);
        assertThat(topics.records("regenerated", third::equals)).hasSize(1);
    }

    private String send(String question) throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        topics.send("failures", taskId, Json.mapper().writeValueAsString(
                Failures.pubmedqa(taskId, question + " " + taskId + "?", 0)));
        return taskId;
    }
}
