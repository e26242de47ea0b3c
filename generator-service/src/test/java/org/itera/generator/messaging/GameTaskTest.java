package org.itera.generator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itera.core.event.GameRecord;
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
 * Games through the generator over the real broker and WireMock: the seats alternate, every call
 * is sampled with the game's temperature, token limit and a seed, the trajectory carries the game
 * record; a game task the game cannot take is refused on REST and dead-lettered from the topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class GameTaskTest {

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
    void aGameIsPlayedToItsEndAndRecorded() throws Exception {
        String id = "ultimatum/game-" + UUID.randomUUID();
        llm.replyWhen(List.of("You are the proposer"), "gpt-4o-mini",
                "<thinking>start high</thinking><message>I keep 65.</message><action>OFFER</action><proposal>35</proposal>", 1)
                .replyWhen(List.of("You are the responder"), "gpt-4o-mini",
                        "<message>Deal.</message><action>ACCEPT</action>", 1);

        topics.send("tasks", id, task(id, "ultimatum", "{\"moves\": 6, \"format\": \"tagged\"}"));

        ConsumerRecord<String, String> record = topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30)).get(0);
        TrajectoryEvent trajectory = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
        assertThat(trajectory.id()).isEqualTo("competitive:" + id + "@r0#0");
        assertThat(trajectory.turns()).extracting(Turn::role).containsExactly("proposer", "responder");
        GameRecord game = trajectory.game();
        assertThat(game.endReason()).isEqualTo(GameRecord.END_ACCEPT);
        assertThat(game.payoffs()).containsEntry("proposer", 65).containsEntry("responder", 35);
        assertThat(game.winner()).isEqualTo("proposer");
        assertThat(game.moves()).hasSize(2).allMatch(m -> m.valid());
        llm.server().verify(2, WireMock.postRequestedFor(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(WireMock.matchingJsonPath("$.temperature", WireMock.equalTo("0.7")))
                .withRequestBody(WireMock.matchingJsonPath("$.max_tokens", WireMock.equalTo("96")))
                .withRequestBody(WireMock.matchingJsonPath("$.seed")));
        llm.server().verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(WireMock.containing("You are the responder"))
                .withRequestBody(WireMock.containing("I keep 65."))
                .withRequestBody(WireMock.notContaining("start high")));
    }

    @Test
    void aGameTaskTheGameCannotTakeIsRefusedOnRestAndOnTheTopic() {
        String id = "ultimatum/bad-" + UUID.randomUUID();
        String bad = task(id, "ultimatum", "{\"moves\": 0}");
        given().contentType("application/json").body("[" + bad + "]").post("/tasks")
                .then().statusCode(400).body("invalid[0].reasons[0]", containsString("moves must be a whole number"));

        topics.send("tasks", id, bad);

        ConsumerRecord<String, String> dead = topics.await("tasks-dlq", id::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("moves must be a whole number from 1 to 40");
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String task(String id, String game, String overrides) {
        return "{\"id\": \"" + id + "\", \"setting\": \"competitive\", \"game\": \"" + game
                + "\", \"seed\": 17, \"split\": \"train\", \"overrides\": " + overrides + "}";
    }
}
