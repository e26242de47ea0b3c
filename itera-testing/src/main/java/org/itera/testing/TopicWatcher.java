package org.itera.testing;

import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Sends each poison message under its own key (oversize ones compressed, as they must be). */
    public void send(String topic, List<Poison> poison) {
        for (Poison p : poison) {
            if (p.compressed()) {
                companion.produceStrings()
                        .withProps(Map.of("compression.type", "gzip", "max.request.size", 16 * 1024 * 1024))
                        .fromRecords(new ProducerRecord<>(topic, p.key(), p.value())).awaitCompletion();
            } else {
                send(new ProducerRecord<>(topic, p.key(), p.value()));
            }
        }
    }

    /**
     * Waits until every poison message is on {@code dlq}, once, and checks each one's
     * {@code dead-letter-reason} says what its poison expects; returns the reasons by poison name.
     */
    public Map<String, String> awaitDeadLetters(String dlq, List<Poison> poison, Duration timeout) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Poison p : poison) {
            List<ConsumerRecord<String, String>> dead = await(dlq, p.key()::equals, 1, timeout);
            if (dead.size() != 1) {
                throw new AssertionError(p.name() + " is " + dead.size() + " times on " + dlq);
            }
            String reason = header(dead.get(0), "dead-letter-reason");
            for (String says : p.reasonSays()) {
                if (reason == null || !reason.contains(says)) {
                    throw new AssertionError("the dead-letter-reason of poison '" + p.name() + "' on " + dlq
                            + " should say '" + says + "' but is: " + reason);
                }
            }
            reasons.put(p.name(), reason);
        }
        return reasons;
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
