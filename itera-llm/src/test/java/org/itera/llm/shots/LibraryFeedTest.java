package org.itera.llm.shots;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.core.team.AgentCaller;
import org.itera.core.team.TeamCatalog;
import org.itera.llm.LlmConfig;
import org.itera.llm.LlmConfigs;
import org.itera.llm.LlmMetrics;
import org.itera.testing.KafkaBrokerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The library feed on a real broker starts with the first task of a team with shots, not before:
 * tasks of teams without shots leave it unstarted (no consumer group, an empty library, their
 * caller as it is); the first -shots task waits until every record written before it is an entry
 * and is shown them; first tasks arriving together start one feed.
 */
class LibraryFeedTest {

    static final String BOOTSTRAP = KafkaBrokerResource.bootstrapServers();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String application = "feed-test-" + run;
    final List<List<ChatMessage>> sent = new CopyOnWriteArrayList<>();
    final AgentCaller model = (agent, role, messages) -> {
        sent.add(messages);
        return new Turn(role, "m", messages, "Answer: 12", TokenUsage.NONE, 5);
    };
    final KafkaCompanion kafka = new KafkaCompanion(BOOTSTRAP);
    LibraryFeed feed;
    LibraryShots shots;

    @AfterEach
    void close() throws Exception {
        feed.stop(null);
        shots.close();
        kafka.close();
    }

    void start(String bootstrap, String catchUpTimeout) {
        LlmConfig config = LlmConfigs.with(Map.of("itera.llm.library-shots.catch-up-timeout", catchUpTimeout));
        feed = new LibraryFeed(config, bootstrap, application);
        shots = new LibraryShots(config, new LlmMetrics(new SimpleMeterRegistry()), TeamCatalog.standard(), feed);
    }

    @Test
    void tasksOfTeamsWithoutShotsStartNoFeed() {
        start(BOOTSTRAP, "30s");
        write(List.of(Library.train("arithmetic-calculator", "plain-" + run, "Ann has 3 apples.", "3")));

        assertThat(shots.forTask(task("arithmetic", "arithmetic/arith-1"), model)).isSameAs(model);
        assertThat(shots.forTask(task("pubmedqa", "pubmedqa/q-1"), model)).isSameAs(model);

        assertThat(feed.started()).isFalse();
        assertThat(shots.size()).isZero();
        assertThat(feedGroups()).isEmpty();
    }

    @Test
    void theFirstShotsTaskWaitsForTheLibraryWrittenBeforeItAndIsShownIt() {
        start(BOOTSTRAP, "30s");
        List<FinetuneRecord> library = IntStream.range(0, 300).mapToObj(i -> Library.train("arithmetic-calculator",
                "lib-" + run + "-" + i, "Bo has " + i + " pears and sells " + run + " pears.", "pears " + i)).toList();
        write(library);

        AgentCaller caller = shots.forTask(task("arithmetic-shots", "arithmetic-shots/arith-" + run), model);

        assertThat(shots.size()).isGreaterThanOrEqualTo(library.size());
        caller.call(LibraryShotsTest.SHOTS_CALCULATOR, "calculator", Library.chat("Bo has 299 pears and sells " + run + " pears."));
        assertThat(sent).singleElement().satisfies(chat -> assertThat(chat).hasSize(2 + 3 * 2)
                .extracting(ChatMessage::content).contains("pears 299"));
        assertThat(feedGroups()).hasSize(1);
        assertThat(shots.forTask(task("arithmetic-shots", "arithmetic-shots/next-" + run), model)).isNotSameAs(model);
        assertThat(feedGroups()).hasSize(1);
    }

    @Test
    void concurrentFirstShotsTasksStartTheFeedOnce() throws Exception {
        start(BOOTSTRAP, "30s");
        write(List.of(Library.train("arithmetic-calculator", "once-" + run, "Cy has 5 apples.", "5")));
        CountDownLatch go = new CountDownLatch(1);
        Callable<AgentCaller> firstTask = () -> {
            go.await();
            return shots.forTask(task("arithmetic-shots", "arithmetic-shots/arith-" + UUID.randomUUID()), model);
        };
        ExecutorService tasks = Executors.newFixedThreadPool(8);
        try {
            var callers = IntStream.range(0, 8).mapToObj(i -> tasks.submit(firstTask)).toList();
            go.countDown();
            for (var caller : callers) {
                assertThat(caller.get()).isNotSameAs(model);
            }
        } finally {
            tasks.shutdownNow();
        }
        assertThat(feedGroups()).hasSize(1);
        assertThat(shots.size()).isPositive();
    }

    @Test
    void aFeedThatCannotCatchUpLetsTheTaskGoOnAfterTheTimeout() {
        start("localhost:1", "1s");
        Instant started = Instant.now();

        AgentCaller caller = shots.forTask(task("arithmetic-shots", "arithmetic-shots/arith-1"), model);

        assertThat(caller).isNotSameAs(model);
        assertThat(Duration.between(started, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        Instant again = Instant.now();
        shots.forTask(task("arithmetic-shots", "arithmetic-shots/arith-2"), model);
        assertThat(Duration.between(again, Instant.now())).isLessThan(Duration.ofMillis(500));
    }

    private void write(List<FinetuneRecord> records) {
        kafka.produceStrings().fromRecords(records.stream()
                .map(r -> new ProducerRecord<>("finetune-records", r.id(), json(r))).toList()).awaitCompletion();
    }

    private List<String> feedGroups() {
        return kafka.consumerGroups().list().stream().map(ConsumerGroupListing::groupId)
                .filter(group -> group.startsWith(application + "-library-")).toList();
    }

    private static String json(FinetuneRecord record) {
        try {
            return Json.mapper().writeValueAsString(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TaskEvent task(String subject, String id) {
        return new TaskEvent(id, "problem-solving", subject, "q", null, null, "7", "train", 0);
    }
}
