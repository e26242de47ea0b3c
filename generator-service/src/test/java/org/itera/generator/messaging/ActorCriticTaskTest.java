package org.itera.generator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.startsWith;

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

/**
 * Actor-critic tasks through the generator: the episode's turns over the real broker and WireMock,
 * and the refusals (a subject without an actor-critic team, a team lacking a role) on REST and on
 * the topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class ActorCriticTaskTest {

    private static final String QUESTION = "Tom has 1000 coins and finds 234 more. How many coins does he have?";

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
    void aRejectedAnswerGoesThroughCriticRegenerationAndRephrasing() throws Exception {
        String id = "arithmetic/ac-" + UUID.randomUUID();
        llm.replyWhen(List.of("A reviewer doubted your answer"), "gpt-4o-mini", "1000 + 234 = 1234", 1)
                .replyWhen(List.of("Rewrite the draft as a clean answer"), "gpt-4o-mini", "1000 + 234 = 1234\nAnswer: 1234", 1)
                .replyWhen(List.of("You check answers to arithmetic word problems"), "gpt-4o-mini", "1000 + 234 is not 1233.\nVerdict: reject", 2)
                .replyWhen(List.of("You help someone whose solution"), "gpt-4o-mini", "Add the hundreds again.", 2)
                .replyWhen(List.of("You solve arithmetic word problems. Put one"), "gpt-4o-mini", "1000 + 234 = 1233\nAnswer: 1233", 3);

        topics.send("tasks", id, task(id, "arithmetic"));

        ConsumerRecord<String, String> record = topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent trajectory = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        assertThat(trajectory.id()).isEqualTo("actor-critic:" + id + "@r0#0");
        assertThat(trajectory.turns()).extracting(Turn::role).containsExactly("actor", "judge", "critic", "actor", "actor");
        assertThat(trajectory.turns()).extracting(Turn::step)
                .containsExactly("solve", "judge", "critique", "regenerate", "rephrase");
        assertThat(trajectory.turns().get(4).output()).endsWith("Answer: 1234");
        for (String seesNoAnswer : List.of("You check answers to arithmetic word problems", "You help someone whose solution")) {
            llm.server().verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH))
                    .withRequestBody(WireMock.containing(seesNoAnswer))
                    .withRequestBody(WireMock.containing("1000 + 234 = 1233"))
                    .withRequestBody(WireMock.notContaining("1234")));
        }
    }

    @Test
    void aSubjectWithoutAnActorCriticTeamIsRefusedOnRestAndOnTheTopic() {
        String id = "physics/ac-" + UUID.randomUUID();
        given().contentType("application/json").body("[" + task(id, "physics") + "]").post("/tasks")
                .then().statusCode(400)
                .body("invalid[0].reasons[0]", allOf(
                        startsWith("subject 'physics' has no actor-critic team (actor-critic teams: ["),
                        containsString("pubmedqa"), containsString("arithmetic")));

        topics.send("tasks", id, task(id, "physics"));

        ConsumerRecord<String, String> dead = topics.await("tasks-dlq", id::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("subject 'physics' has no actor-critic team");
    }

    @Test
    void aTeamLackingARoleOfItsSettingIsRefusedNamingTheRole() {
        String id = "chemistry/ac-" + UUID.randomUUID();
        given().contentType("application/json").body("[" + task(id, "chemistry") + "]").post("/tasks")
                .then().statusCode(400)
                .body("invalid[0].reasons[0]", containsString("team actor-critic/chemistry lacks the role 'critic'"));

        topics.send("tasks", id, task(id, "chemistry"));

        ConsumerRecord<String, String> dead = topics.await("tasks-dlq", id::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("lacks the role 'critic'");
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(topics.records("trajectories", id::equals)).isEmpty();
    }

    private static String task(String id, String subject) {
        return Json.mapper().createObjectNode().put("id", id).put("setting", "actor-critic").put("subject", subject)
                .put("question", QUESTION).put("answer", "1234").put("split", "train").toString();
    }
}
