package org.itera.testing;

import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads topics of the test broker from their beginning with a group of its own, and writes to
 * them, so a test sees exactly the records it caused (filter them by key).
 */
public final class TopicWatcher implements AutoCloseable {

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> consumer;

    private TopicWatcher(String bootstrap, String... topics) {
        companion = new KafkaCompanion(bootstrap);
        consumer = companion.consumeStrings()
                .withGroupId("watcher-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topics);
    }

    public static TopicWatcher watch(String bootstrap, String... topics) {
        return new TopicWatcher(bootstrap, topics);
    }

    public void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends one record as given (headers included). */
    public void send(ProducerRecord<String, String> record) {
        companion.produceStrings().fromRecords(record).awaitCompletion();
    }

    /** The records of {@code topic} received so far whose key passes {@code keys}. */
    public List<ConsumerRecord<String, String>> records(String topic, Predicate<String> keys) {
        return consumer.getRecords().stream()
                .filter(r -> r.topic().equals(topic) && r.key() != null && keys.test(r.key()))
                .toList();
    }

    /** Waits until at least {@code count} such records arrived, and returns them all. */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<String> keys, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> records(topic, keys).size() >= count);
        return records(topic, keys);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
        companion.close();
    }
}
