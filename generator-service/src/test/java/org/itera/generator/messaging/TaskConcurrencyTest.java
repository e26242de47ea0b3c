package org.itera.generator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.itera.testing.HeldCalls;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * With the default settings the generator keeps exactly 32 tasks in flight: while the model holds
 * every call open, 40 queued tasks open 32 calls at once and no more, whatever the machine's speed.
 */
@QuarkusTest
@TestProfile(TaskConcurrencyTest.PatientModel.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TaskConcurrencyTest {

    /** The default of {@code smallrye.messaging.worker.team-runs.max-concurrency}. */
    static final int LIMIT = 32;
    static final int TASKS = 40;
    static final String MARK = "concurrency-probe";

    /**
     * The default concurrency, and an LLM timeout longer than any hold: a held call that timed out
     * would be retried while the mock still counts the first one open.
     */
    public static class PatientModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("itera.llm.timeout", "10m");
        }
    }

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void thirtyTwoTasksCallTheModelAtOnceAndNoMore() throws InterruptedException {
        assertThat(mostOpenAtOnce(llm, MARK, TASKS, LIMIT)).as("most calls open at once").isEqualTo(LIMIT);
    }

    /**
     * Pushes {@code tasks} gsm8k tasks while the model holds their calls open; waits until
     * {@code limit} calls are open, checks that no more come while they are held, lets them all
     * answer and returns the most calls that were open at once over the whole run.
     */
    static int mostOpenAtOnce(OpenAiMock llm, String mark, int tasks, int limit) throws InterruptedException {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini", "Step 1: add.\nAnswer: 4");
        HeldCalls held = llm.holdWhen(mark, "gpt-4o-mini", "Step 1: add.\nAnswer: 4");
        String prefix = "gsm8k/" + UUID.randomUUID() + "/";
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories")) {
            try {
                for (int i = 0; i < tasks; i++) {
                    topics.send("tasks", prefix + i, TaskProcessorTest.taskJson(prefix + i, "gsm8k",
                            mark + " " + i + ": what is 2 + 2?", "4"));
                }
                // the timeout bounds a stuck service, not a slow one: nothing answers before this
                assertThat(held.awaitOpen(limit, Duration.ofSeconds(180))).as("calls open at once while held")
                        .isEqualTo(limit);
                // a call past the limit would come now, with the first ones held and the rest queued;
                // the second only makes such a call likelier to show, a slow machine cannot fail it
                Awaitility.await("no call past the limit while " + limit + " are held")
                        .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(held::open, open -> open <= limit);
            } finally {
                held.release();
            }
            topics.await("trajectories", k -> k.startsWith(prefix), tasks, Duration.ofSeconds(180));
        }
        assertThat(held.arrived()).as("calls of the %d tasks", tasks).isGreaterThanOrEqualTo(tasks);
        return held.mostOpen();
    }
}
