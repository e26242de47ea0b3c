package org.itera.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * Produces task events onto a topic as JSON, keyed by task id, with {@code acks=all} and
 * idempotence, and waits (boundedly) until the broker has answered every send.
 */
public final class TaskPublisher implements AutoCloseable {

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, String> producer;
    private final String topic;
    private final Duration ackTimeout;
    private final String where;

    TaskPublisher(Producer<String, String> producer, String topic, Duration ackTimeout, String where) {
        this.producer = producer;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.where = where;
    }

    /** A publisher on a real Kafka producer; {@code timeout} bounds every wait for the broker. */
    public static TaskPublisher connect(String bootstrap, String topic, Duration timeout) {
        Properties config = config(bootstrap, timeout);
        Duration ackTimeout = Duration.ofMillis(deliveryTimeoutMs(timeout)).plusSeconds(5);
        return new TaskPublisher(new KafkaProducer<>(config), topic, ackTimeout, bootstrap);
    }

    static Properties config(String bootstrap, Duration timeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "itera-push-tasks");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestTimeoutMs(timeout)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeoutMs(timeout)));
        return p;
    }

    private static long requestTimeoutMs(Duration timeout) {
        return Math.max(5_000, Math.min(30_000, timeout.toMillis()));
    }

    private static long deliveryTimeoutMs(Duration timeout) {
        return 2 * requestTimeoutMs(timeout) + 1_000;
    }

    /** Fails fast, with a clear message, when the broker cannot be reached or the topic is absent. */
    public void checkReachable() throws BrokerUnavailableException {
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            throw new BrokerUnavailableException("cannot reach Kafka at " + where + " (topic '" + topic
                    + "'): " + e.getMessage() + " (is the broker running, and is the address right?)", e);
        }
    }

    /** Sends every task and waits for every answer; tasks not answered in time count as failed. */
    public PublishResult publish(List<TaskEvent> tasks, PublishListener listener) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(tasks.size());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Outcome outcome = new Outcome(answered, sent, failed, firstError, listener);
        for (TaskEvent task : tasks) {
            send(task, outcome);
        }
        producer.flush();
        if (!answered.await(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            firstError.compareAndSet(null, "no answer from the broker within " + ackTimeout.toSeconds() + " s");
            return new PublishResult(sent.get(), tasks.size() - sent.get(), firstError.get());
        }
        return new PublishResult(sent.get(), failed.get(), firstError.get());
    }

    private void send(TaskEvent task, Outcome outcome) {
        try {
            String json = Json.mapper().writeValueAsString(task);
            producer.send(new ProducerRecord<>(topic, task.id(), json),
                    (metadata, error) -> outcome.record(task, error));
        } catch (JsonProcessingException | RuntimeException e) {
            outcome.record(task, e);
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private record Outcome(CountDownLatch answered, AtomicInteger sent, AtomicInteger failed,
            AtomicReference<String> firstError, PublishListener listener) {

        void record(TaskEvent task, Exception error) {
            if (error == null) {
                sent.incrementAndGet();
                listener.sent();
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, task.id() + ": " + error.getMessage());
                listener.failed();
            }
            answered.countDown();
        }
    }
}
