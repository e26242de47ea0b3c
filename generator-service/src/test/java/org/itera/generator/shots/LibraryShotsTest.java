package org.itera.generator.shots;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.Setting;
import org.itera.core.team.TeamRunner;
import org.itera.llm.shots.LibraryShots;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * With {@code library-shots=1} for the calculator, a first task's success, once on
 * {@code finetune-records} (as the filter sends it), is the demonstration of the next similar
 * task's calculator call, and of no other agent's; the trajectory records the agent's own chat. A
 * redelivered record adds no second entry.
 */
@QuarkusTest
@TestProfile(LibraryShotsTest.OneShot.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class LibraryShotsTest {

    public static class OneShot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("itera.llm.agents.arithmetic-calculator.library-shots", "1");
        }
    }

    static final String CALCULATOR = "You solve arithmetic word problems";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Inject
    LibraryShots shots;

    @Inject
    TeamRunner runner;

    @Test
    void aFirstSuccessIsTheDemonstrationOfTheNextSimilarTask() throws Exception {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini-2024-07-18", "3 + 4 = 7\nAnswer: 7");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "arithmetic/first-" + run;
        String second = "arithmetic/second-" + run;
        String firstQuestion = "Ann has 3 apples and buys 4 more apples (" + first + "). How many apples?";
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories")) {
            topics.send("tasks", first, task(first, firstQuestion));
            TrajectoryEvent success = trajectory(topics, first);
            assertThat(sentFor(first)).hasSize(2).allSatisfy(body -> assertThat(messageCount(body)).isEqualTo(2));

            for (FinetuneRecord example : examples(success)) {
                topics.send("finetune-records", first, Json.mapper().writeValueAsString(example));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> shots.size() == 2);
            for (FinetuneRecord example : examples(success)) {
                topics.send("finetune-records", first, Json.mapper().writeValueAsString(example));
            }
            topics.send("finetune-records", first, Json.mapper().writeValueAsString(new FinetuneRecord("marker-" + run,
                    "gsm8k-solver", "gsm8k", "solver", List.of(ChatMessage.user("q"), ChatMessage.assistant("a")),
                    "marker@r0#0", "generated", 0)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2)).until(() -> shots.size() == 3);

            topics.send("tasks", second, task(second, "Bo has 5 apples and buys 2 more apples (" + second + ")."));
            TrajectoryEvent next = trajectory(topics, second);
            assertThat(next.turns().get(0).messages()).extracting(ChatMessage::content).noneMatch(c -> c.contains(first));
        }
        List<String> calculator = sentFor(second).stream().filter(body -> body.contains(CALCULATOR)).toList();
        List<String> others = sentFor(second).stream().filter(body -> !body.contains(CALCULATOR)).toList();
        assertThat(calculator).singleElement().satisfies(body -> {
            assertThat(body).contains(firstQuestion, "3 + 4 = 7\\nAnswer: 7");
            assertThat(body.indexOf(firstQuestion)).isLessThan(body.indexOf("Bo has 5 apples"));
            assertThat(messageCount(body)).isEqualTo(4);
        });
        assertThat(others).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(first));
    }

    private List<FinetuneRecord> examples(TrajectoryEvent trajectory) {
        Setting setting = runner.settings().of(trajectory.task());
        return setting.examples(trajectory, setting.score(trajectory));
    }

    private static TrajectoryEvent trajectory(TopicWatcher topics, String id) throws Exception {
        return Json.mapper().readValue(topics.await("trajectories", id::equals, 1, Duration.ofSeconds(30)).get(0).value(),
                TrajectoryEvent.class);
    }

    private List<String> sentFor(String taskId) {
        return llm.server().findAll(postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).filter(body -> body.contains(taskId)).toList();
    }

    private static int messageCount(String body) {
        try {
            return Json.mapper().readTree(body).get("messages").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String task(String id, String question) {
        return Json.mapper().createObjectNode().put("id", id).put("subject", "arithmetic").put("question", question)
                .put("answer", "7").put("split", TaskEvent.SPLIT_TRAIN).toString();
    }
}
