package org.itera.generator.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.llm.ModelSelector;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A {@code model-updates} message switches one agent's model from its next call on; the others keep theirs. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class ModelUpdateConsumerTest {

    static final String FINE_TUNED = "ft:gpt-4o-mini-2024-07-18:itera:chemistry-chemist-r1:abc123";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Inject
    ModelSelector selector;

    TopicWatcher topics;

    @BeforeEach
    void watch() {
        llm.server().resetAll();
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories", "model-updates-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void theNextCallsOfTheUpdatedAgentUseTheFineTunedModelWhileTheOthersKeepTheirs() throws Exception {
        llm.replyByDefault("gpt-4o-mini-2024-07-18", "Moles are mass over molar mass.\nAnswer: 2");
        ModelUpdateEvent update = new ModelUpdateEvent("chemistry-chemist", "chemistry", "chemist", FINE_TUNED,
                "gpt-4o-mini", 1, "ftjob-chemist", 12);
        topics.send("model-updates", update.agent(), Json.mapper().writeValueAsString(update));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> FINE_TUNED.equals(selector.swappedModels().get("chemistry-chemist")));

        String id = "chemistry/" + UUID.randomUUID();
        String question = "How many moles are in 36 g of water (" + id + ")?";
        topics.send("tasks", id, TaskProcessorTest.taskJson(id, "chemistry", question, "2"));
        topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30));

        var byChemist = postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH)).withRequestBody(containing(question))
                .withRequestBody(containing("You are a chemist"));
        llm.server().verify(1, byChemist.withRequestBody(matchingJsonPath("$.model", equalTo(FINE_TUNED))));
        List<String> others = llm.server().findAll(postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(question))).stream()
                .filter(r -> !r.getBodyAsString().contains("You are a chemist"))
                .map(r -> modelOf(r.getBodyAsString())).toList();
        assertThat(others).isNotEmpty().containsOnly("gpt-4o-mini");
    }

    @Test
    void unusableUpdatesGoToTheDeadLetterTopicAndChangeNothing() {
        String key = "bad-update-" + UUID.randomUUID();
        topics.send("model-updates", key, "{\"agent\": \"chemistry-chemist\"}");
        var dead = topics.await("model-updates-dlq", key::equals, 1, Duration.ofSeconds(30)).get(0);
        assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("without an agent or a model");
        assertThat(selector.swappedModels().get("chemistry-chemist")).isIn(null, FINE_TUNED);
    }

    private static String modelOf(String body) {
        try {
            return Json.mapper().readTree(body).get("model").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
