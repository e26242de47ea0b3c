package org.itera.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itera.bench.BenchTasks;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe pushes its tasks onto the real broker, keyed by id, and knows when each was acknowledged. */
class TaskPusherTest {

    private static EmbeddedKafkaBroker broker;
    private static KafkaCompanion companion;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker().withNodeId(0).withKafkaPort(0).withDeleteLogDirsOnClose(true).start();
        bootstrap = broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
        companion = new KafkaCompanion(bootstrap);
        companion.topics().createAndWait("tasks", 2);
    }

    @AfterAll
    static void stopBroker() {
        companion.close();
        broker.close();
    }

    @Test
    void everyTaskLandsOnTheTopicWithItsAcknowledgementTime() throws Exception {
        List<TaskEvent> tasks = BenchTasks.make("push", "arithmetic", null, 30, null);
        long before = System.currentTimeMillis();
        Map<String, Long> pushed = TaskPusher.push(bootstrap, tasks);
        assertThat(pushed).hasSize(30).allSatisfy((id, at) -> assertThat(at).isBetween(before, System.currentTimeMillis()));

        ConsumerTask<String, String> records = companion.consumeStrings().fromTopics("tasks", 30, Duration.ofSeconds(30));
        records.awaitCompletion(Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> record : records.getRecords()) {
            TaskEvent task = Json.mapper().readValue(record.value(), TaskEvent.class);
            assertThat(task.id()).isEqualTo(record.key());
            assertThat(pushed).containsKey(task.id());
        }
    }
}
