package org.itera.generator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * With the default settings the generator keeps at least 32 tasks in flight: while the model is
 * slow to answer, 40 queued tasks have their first LLM calls open at the same time.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TaskConcurrencyTest {

    static final int TASKS = 40;
    static final String MARK = "concurrency-probe";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void atLeastThirtyTwoTasksCallTheModelAtOnce() {
        assertThat(maxOpenWhileRunning(llm, MARK, TASKS)).isGreaterThanOrEqualTo(32);
    }

    /**
     * Pushes {@code tasks} gsm8k tasks whose calls the model answers after 3 s and returns the most
     * calls that were open at once.
     */
    static int maxOpenWhileRunning(OpenAiMock llm, String mark, int tasks) {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini", "Step 1: add.\nAnswer: 4");
        llm.server().stubFor(WireMock.post(WireMock.urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                .withRequestBody(WireMock.containing(mark))
                // long enough for the requests to overlap when a busy machine spreads their dispatch, under
                // the 5 s LLM timeout of the test profile
                .willReturn(WireMock.aResponse().withFixedDelay(3000).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiMock.completionJson("gpt-4o-mini", "Step 1: add.\nAnswer: 4", 90, 12))));
        String prefix = "gsm8k/" + UUID.randomUUID() + "/";
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories")) {
            for (int i = 0; i < tasks; i++) {
                topics.send("tasks", prefix + i, TaskProcessorTest.taskJson(prefix + i, "gsm8k",
                        mark + " " + i + ": what is 2 + 2?", "4"));
            }
            topics.await("trajectories", k -> k.startsWith(prefix), tasks, Duration.ofSeconds(120));
        }
        return maxOpenAtOnce(llm.server().getAllServeEvents(), mark);
    }

    /** The largest number of these requests that were being served at the same moment. */
    private static int maxOpenAtOnce(List<ServeEvent> events, String mark) {
        List<long[]> spans = new ArrayList<>();
        for (ServeEvent event : events) {
            if (event.getRequest().getBodyAsString().contains(mark)) {
                long start = event.getRequest().getLoggedDate().getTime();
                spans.add(new long[] {start, start + event.getTiming().getTotalTime()});
            }
        }
        int max = 0;
        for (long[] span : spans) {
            long at = span[0];
            int open = (int) spans.stream().filter(s -> s[0] <= at && at < s[1]).count();
            max = Math.max(max, open);
        }
        return max;
    }
}
