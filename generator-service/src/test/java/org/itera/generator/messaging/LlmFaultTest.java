package org.itera.generator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.itera.generator.messaging.FaultyOpenAi.Call;
import org.itera.generator.messaging.FaultyOpenAi.Kind;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "LLM faults" scenario of issue 15 (docs/reliability.md): 30% of the chat calls answered 500,
 * 429 with {@code Retry-After: 1}, slower than the client's timeout, a reset or an empty answer, up
 * to three in a row; every task still graded once and none dead-lettered, a 429's retry no sooner
 * than its {@code Retry-After}; a fault that never heals dead-letters its task with the reason; the
 * API key in no log line, trajectory or dead letter.
 */
@QuarkusTest
@TestProfile(LlmFaultTest.Faults.class)
class LlmFaultTest {

    static final int TASKS = 200;
    static final long SEED = 15;
    static final double SHARE = 0.3;
    static final String ANSWER = "12 * 3 = 36, then 36 + 4 = 40.\nAnswer: 40";

    /**
     * The faulty endpoint instead of the shared mock; five attempts (three faults in a row and a
     * spare), the client's timeout under a slow answer, and a longest pause over the Retry-After.
     */
    public static class Faults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("itera.llm.timeout", "1s", "itera.llm.retry.max-attempts", "5",
                    "itera.llm.retry.initial-backoff", "20ms", "itera.llm.retry.max-backoff", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class),
                    new TestResourceEntry(FaultyOpenAiResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    final FaultyOpenAi llm = FaultyOpenAiResource.mock();
    final CapturedLog log = new CapturedLog();
    TopicWatcher topics;

    @BeforeEach
    void watch() {
        java.util.logging.Logger.getLogger("").addHandler(log);
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories", "tasks-dlq");
    }

    @AfterEach
    void close() {
        java.util.logging.Logger.getLogger("").removeHandler(log);
        topics.close();
    }

    @Test
    void thirtyPercentOfCallsFailAndEveryTaskIsStillGradedOnce() {
        llm.reset(SEED, SHARE, "gpt-4o-mini", ANSWER);
        String prefix = "arithmetic/faults-" + UUID.randomUUID() + "/";
        long start = System.nanoTime();
        for (int i = 0; i < TASKS; i++) {
            topics.send("tasks", prefix + i, TaskProcessorTest.taskJson(prefix + i, "arithmetic",
                    "Task " + i + ": a crate holds " + (i + 3) + " boxes of 12 pens; 4 are added. How many pens?", "40"));
        }
        topics.await("trajectories", k -> k.startsWith(prefix), TASKS, Duration.ofSeconds(120));
        long runMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // a doubled trajectory or a dead letter would come now, with every call answered
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> topics.records("trajectories", k -> k.startsWith(prefix)).size() == TASKS);

        Map<String, Long> perTask = topics.records("trajectories", k -> k.startsWith(prefix)).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        List<ConsumerRecord<String, String>> dead = topics.records("tasks-dlq", k -> k.startsWith(prefix));
        List<Call> calls = llm.calls();
        Map<Kind, Integer> faults = llm.faultsByKind();
        int faulted = faults.values().stream().mapToInt(Integer::intValue).sum();
        long distinct = calls.stream().map(Call::body).distinct().count();
        List<Long> recoveries = recoveries(llm.server().getAllServeEvents());
        List<Long> rateLimitWaits = waitsAfter(llm.server().getAllServeEvents(), 429);
        System.out.printf("LLM faults: tasks=%d calls=%d faults=%d (%.1f%%) %s retries=%d fourth-attempts=%d lost=%d doubled=%d "
                        + "dead-lettered=%d run=%d ms; recovery of a faulted call: median %d ms, max %d ms; "
                        + "wait after a 429: min %d ms%n",
                TASKS, calls.size(), faulted, 100.0 * faulted / calls.size(), faults, calls.size() - distinct,
                calls.stream().filter(c -> c.attempt() > FaultyOpenAi.MOST_IN_A_ROW).count(),
                TASKS - perTask.size(), perTask.values().stream().filter(n -> n > 1).count(), dead.size(), runMs,
                percentile(recoveries, 50), percentile(recoveries, 100), percentile(rateLimitWaits, 0));

        assertThat(perTask).hasSize(TASKS).allSatisfy((task, n) -> assertThat(n).as(task).isEqualTo(1));
        assertThat(dead).isEmpty();
        assertThat(distinct).as("calls made (two turns a task)").isEqualTo(2L * TASKS);
        assertThat(100.0 * faulted / calls.size()).as("share of calls faulted").isBetween(20.0, 40.0);
        assertThat(faults).allSatisfy((kind, n) -> assertThat(n).as(kind.name()).isPositive());
        assertThat(calls).filteredOn(c -> c.attempt() > FaultyOpenAi.MOST_IN_A_ROW).isNotEmpty();
        // Retry-After: 1 honoured: each 429's retry reached the server at least a second later
        assertThat(rateLimitWaits).hasSize(faults.get(Kind.RATE_LIMITED)).allSatisfy(ms -> assertThat(ms)
                .isGreaterThanOrEqualTo(1000));
        assertThat(log.text()).contains("(Retry-After 1000 ms)");
        assertNoKey(topics.records("trajectories", k -> k.startsWith(prefix)));
    }

    @Test
    void aFaultThatNeverHealsDeadLettersItsTaskWithTheReasonAndTheOthersAreGraded() {
        llm.reset(SEED + 1, SHARE, "gpt-4o-mini", ANSWER);
        String prefix = "arithmetic/never-" + UUID.randomUUID() + "/";
        llm.neverHeal("rate-limited for good", Kind.RATE_LIMITED);
        llm.neverHeal("cut off for good", Kind.CONNECTION_RESET);
        List<String> question = List.of("rate-limited for good", "cut off for good");
        for (int i = 0; i < 20 + question.size(); i++) {
            String text = i < question.size() ? question.get(i) : "task " + i;
            topics.send("tasks", prefix + i, TaskProcessorTest.taskJson(prefix + i, "arithmetic",
                    text + ": what is 12 * 3 + 4?", "40"));
        }

        topics.await("trajectories", k -> k.startsWith(prefix), 20, Duration.ofSeconds(60));
        ConsumerRecord<String, String> limited = topics.await("tasks-dlq", (prefix + 0)::equals, 1,
                Duration.ofSeconds(60)).get(0);
        ConsumerRecord<String, String> cutOff = topics.await("tasks-dlq", (prefix + 1)::equals, 1,
                Duration.ofSeconds(60)).get(0);

        assertThat(TopicWatcher.header(limited, "dead-letter-reason"))
                .contains("failed after 5 attempt(s)", "HTTP 429", "Rate limit reached");
        assertThat(TopicWatcher.header(cutOff, "dead-letter-reason")).contains("failed after 5 attempt(s)")
                .containsIgnoringCase("connection");
        System.out.printf("LLM faults, never healing: %s | %s%n", TopicWatcher.header(limited, "dead-letter-reason"),
                TopicWatcher.header(cutOff, "dead-letter-reason"));
        assertThat(topics.records("tasks-dlq", k -> k.startsWith(prefix))).hasSize(2);
        assertThat(topics.records("trajectories", k -> k.startsWith(prefix)))
                .extracting(ConsumerRecord::key).doesNotContain(prefix + 0, prefix + 1).doesNotHaveDuplicates()
                .hasSize(20);
        // every retry of the rate-limited call came after its Retry-After
        assertThat(waitsAfter(llm.server().getAllServeEvents(), 429)).isNotEmpty()
                .allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(1000));
        assertNoKey(topics.records("tasks-dlq", k -> k.startsWith(prefix)));
        assertNoKey(topics.records("trajectories", k -> k.startsWith(prefix)));
    }

    /** The key reached the endpoint, and nothing else: no record (value or header) and no log line. */
    private void assertNoKey(List<ConsumerRecord<String, String>> records) {
        assertThat(llm.server().getAllServeEvents()).first().satisfies(e -> assertThat(
                e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + FaultyOpenAiResource.API_KEY));
        assertThat(log.text()).isNotEmpty().doesNotContain(FaultyOpenAiResource.API_KEY);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).doesNotContain(FaultyOpenAiResource.API_KEY);
            for (Header header : record.headers()) {
                assertThat(new String(header.value())).doesNotContain(FaultyOpenAiResource.API_KEY);
            }
        }
    }

    /** The calls in order of arrival, grouped by body (the same call's attempts), arrival in ms. */
    private static Map<String, List<ServeEvent>> byCall(List<ServeEvent> events) {
        return events.stream().sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .collect(Collectors.groupingBy(e -> e.getRequest().getBodyAsString(), Collectors.toList()));
    }

    /** For each answer with {@code status}, the ms until the same call reached the server again. */
    private static List<Long> waitsAfter(List<ServeEvent> events, int status) {
        List<Long> waits = new ArrayList<>();
        for (List<ServeEvent> attempts : byCall(events).values()) {
            for (int i = 0; i + 1 < attempts.size(); i++) {
                if (attempts.get(i).getResponse().getStatus() == status) {
                    waits.add(arrival(attempts.get(i + 1)) - arrival(attempts.get(i)));
                }
            }
        }
        return waits;
    }

    /** For each call that got a fault, the ms from its first attempt to its last (the one answered). */
    private static List<Long> recoveries(List<ServeEvent> events) {
        return byCall(events).values().stream().filter(attempts -> attempts.size() > 1)
                .map(attempts -> arrival(attempts.get(attempts.size() - 1)) - arrival(attempts.get(0)))
                .collect(Collectors.toList());
    }

    private static long arrival(ServeEvent event) {
        return event.getRequest().getLoggedDate().getTime();
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - (percent > 0 ? 1 : 0)));
    }

    /** Every log line of the service's JVM (message and stack trace) while a test runs. */
    static final class CapturedLog extends Handler {
        private final StringBuffer text = new StringBuffer();

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                    : record.getMessage();
            text.append(record.getLoggerName()).append(' ').append(message).append('\n');
            for (Throwable t = record.getThrown(); t != null && t != t.getCause(); t = t.getCause()) {
                text.append(t).append('\n');
            }
        }

        String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
