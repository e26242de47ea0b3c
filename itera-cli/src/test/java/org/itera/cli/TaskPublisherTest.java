package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

class TaskPublisherTest {

    private static final List<TaskEvent> TASKS = List.of(
            task("gsm8k/train/0", "72"), task("gsm8k/train/1", "10"), task("gsm8k/train/2", "5"));

    private static TaskEvent task(String id, String answer) {
        return new TaskEvent(id, "problem-solving", "gsm8k", "How many?", null, null, answer, "train", 0);
    }

    private static TaskPublisher publisher(MockProducer<String, String> producer) {
        return new TaskPublisher(producer, "tasks", Duration.ofSeconds(5), "mock:9092");
    }

    @Test
    void sendsEveryTaskAsJsonKeyedById() throws Exception {
        MockProducer<String, String> producer =
                new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        Counter counter = new Counter();

        PublishResult result;
        try (TaskPublisher publisher = publisher(producer)) {
            result = publisher.publish(TASKS, counter);
        }

        assertThat(result).isEqualTo(new PublishResult(3, 0, null));
        assertThat(counter.sent.get()).isEqualTo(3);
        assertThat(producer.closed()).isTrue();
        List<ProducerRecord<String, String>> records = producer.history();
        assertThat(records).extracting(ProducerRecord::topic).containsOnly("tasks");
        assertThat(records).extracting(ProducerRecord::key)
                .containsExactly("gsm8k/train/0", "gsm8k/train/1", "gsm8k/train/2");
        JsonNode first = Json.mapper().readTree(records.get(0).value());
        assertThat(first.get("answer").asText()).isEqualTo("72");
        assertThat(first.get("setting").asText()).isEqualTo("problem-solving");
        assertThat(first.has("choices")).isFalse();
    }

    @Test
    void countsSendsTheBrokerRefused() throws Exception {
        MockProducer<String, String> producer =
                new MockProducer<>(false, null, new StringSerializer(), new StringSerializer()) {
                    @Override
                    public synchronized void flush() {
                        completeNext();
                        while (errorNext(new TimeoutException("expired in the accumulator"))) {
                            // fail every remaining send
                        }
                    }
                };
        Counter counter = new Counter();

        PublishResult result = publisher(producer).publish(TASKS, counter);

        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.allSent()).isFalse();
        assertThat(result.firstError()).isEqualTo("gsm8k/train/1: expired in the accumulator");
        assertThat(counter.failed.get()).isEqualTo(2);
    }

    @Test
    void reportsAnUnreachableBrokerClearly() {
        MockProducer<String, String> producer =
                new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        producer.partitionsForException = new TimeoutException("Topic tasks not present in metadata after 15000 ms.");

        assertThatThrownBy(() -> publisher(producer).checkReachable())
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("cannot reach Kafka at mock:9092 (topic 'tasks')")
                .hasMessageContaining("not present in metadata");
    }

    @Test
    void configuresADurableBoundedProducer() {
        Properties config = TaskPublisher.config("k1:9092,k2:9092", Duration.ofSeconds(15));

        assertThat(config.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("k1:9092,k2:9092");
        assertThat(config.getProperty(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(config.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo("true");
        assertThat(config.getProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo("15000");
        long request = Long.parseLong(config.getProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        long delivery = Long.parseLong(config.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        long linger = Long.parseLong(config.getProperty(ProducerConfig.LINGER_MS_CONFIG));
        assertThat(delivery).isGreaterThanOrEqualTo(request + linger);
    }

    private static final class Counter implements PublishListener {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void sent() {
            sent.incrementAndGet();
        }

        @Override
        public void failed() {
            failed.incrementAndGet();
        }
    }
}
