package org.itera.generator.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.llm.ModelSelector;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * A task's own {@code models} decide the model of the agents it names, for that task only: the
 * other agents keep the default, and the next task without {@code models} is back on the
 * current models (including one swapped in by {@code model-updates}).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TaskModelsTest {

    static final String CALCULATOR = "You solve arithmetic word problems";
    static final String REPORTER = "You give the final answer to an arithmetic word problem";
    static final String PINNED = "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-calculator-r1:pin001";
    static final String SWAPPED = "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-calculator-r2:new002";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Inject
    ModelSelector selector;

    @Test
    void aTaskWithModelsRunsThatAgentOnItsModelAndTheOthersOnTheDefault() throws Exception {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini-2024-07-18", "3 + 4 = 7\nAnswer: 7");
        selector.use("arithmetic-calculator", SWAPPED);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pinned = "arithmetic/pinned-" + run;
        String plain = "arithmetic/plain-" + run;
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories")) {
            ObjectNode task = task(pinned, "Ann has 3 apples and gets 4 more (" + pinned + ").");
            task.putObject("models").put("arithmetic-calculator", PINNED);
            topics.send("tasks", pinned, task.toString());
            TrajectoryEvent trajectory = Json.mapper().readValue(
                    topics.await("trajectories", pinned::equals, 1, Duration.ofSeconds(30)).get(0).value(), TrajectoryEvent.class);
            assertThat(trajectory.task().models()).containsEntry("arithmetic-calculator", PINNED);
            assertThat(trajectory.turns()).extracting(Turn::role).containsExactly("calculator", "reporter");

            topics.send("tasks", plain, task(plain, "Bo has 3 pears and gets 4 more (" + plain + ").").toString());
            topics.await("trajectories", plain::equals, 1, Duration.ofSeconds(30));
        }
        assertThat(modelsCalled(pinned, CALCULATOR)).containsExactly(PINNED);
        assertThat(modelsCalled(pinned, REPORTER)).containsExactly("gpt-4o-mini");
        assertThat(modelsCalled(plain, CALCULATOR)).containsExactly(SWAPPED);
        assertThat(modelsCalled(plain, REPORTER)).containsExactly("gpt-4o-mini");
        assertThat(selector.settingsFor("arithmetic-calculator").model()).isEqualTo(SWAPPED);
    }

    @Test
    void aTaskWithAMalformedModelsFieldIsDeadLetteredWithTheReason() {
        String id = "arithmetic/bad-models-" + UUID.randomUUID();
        ObjectNode task = task(id, "Cy has 1 plum.");
        task.putObject("models").put("arithmetic-calculator", " ");
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks-dlq")) {
            topics.send("tasks", id, task.toString());
            var dead = topics.await("tasks-dlq", id::equals, 1, Duration.ofSeconds(30)).get(0);
            assertThat(TopicWatcher.header(dead, "dead-letter-reason")).contains("model of agent 'arithmetic-calculator' is blank");
        }
    }

    /** The {@code model} of each chat request for the task's question made with the role's system prompt. */
    private java.util.List<String> modelsCalled(String id, String rolePrompt) {
        return llm.server().findAll(postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH)).withRequestBody(containing(id))
                .withRequestBody(containing(rolePrompt))).stream().map(r -> {
                    try {
                        return Json.mapper().readTree(r.getBodyAsString()).get("model").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static ObjectNode task(String id, String question) {
        return Json.mapper().createObjectNode().put("id", id).put("subject", "arithmetic").put("question", question)
                .put("answer", "7").put("split", "test");
    }
}
