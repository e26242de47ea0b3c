package org.itera.generator.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * Tasks of team variants run as their team says: the single-agent baseline makes one call per
 * task with its own solver prompt; the no-repair ablation runs its base team's roles.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class VariantTaskTest {

    @InjectOpenAiMock
    OpenAiMock llm;

    private TrajectoryEvent run(TopicWatcher topics, String subject, String question) throws Exception {
        String id = subject + "/" + UUID.randomUUID();
        String task = Json.mapper().createObjectNode().put("id", id).put("subject", subject)
                .put("question", question + " (" + id + ")").put("answer", "7").put("split", "train").toString();
        topics.send("tasks", id, task);
        return Json.mapper().readValue(topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30)).get(0)
                .value(), TrajectoryEvent.class);
    }

    private int calls(String taskId) {
        return llm.server().findAll(postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(taskId))).size();
    }

    @Test
    void theSingleTeamMakesOneCallPerTaskAndTheAblationRunsTheBaseTeam() throws Exception {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini-2024-07-18", "3 + 4 = 7\nAnswer: 7");
        TrajectoryEvent single;
        TrajectoryEvent ablation;
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories")) {
            single = run(topics, "arithmetic-single", "Ann has 3 apples and gets 4 more.");
            ablation = run(topics, "arithmetic-norepair", "Bo has 3 pears and gets 4 more.");
        }

        assertThat(single.turns()).extracting(Turn::role).containsExactly("solver");
        assertThat(single.finalOutput()).endsWith("Answer: 7");
        assertThat(calls(single.task().id())).isEqualTo(1);
        assertThat(llm.server().findAll(postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(single.task().id()))
                .withRequestBody(containing("You answer arithmetic word problems on your own")))).hasSize(1);

        assertThat(ablation.turns()).extracting(Turn::role).containsExactly("calculator", "reporter");
        assertThat(calls(ablation.task().id())).isEqualTo(2);
    }
}
