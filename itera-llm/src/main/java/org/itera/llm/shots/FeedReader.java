package org.itera.llm.shots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Topics;
import org.itera.core.json.Json;
import org.jboss.logging.Logger;

/**
 * One run of the library feed, on a thread of its own: notes the end offsets of
 * {@code finetune-records} as it starts, then hands every readable record to the sink, from the
 * earliest offset on, until woken. It has caught up once it has read up to the noted offsets (or
 * has stopped: nothing more will come). An unreadable message is logged and skipped.
 */
final class FeedReader implements Runnable {

    private static final Logger LOG = Logger.getLogger(FeedReader.class);

    private final KafkaConsumer<String, String> consumer;
    private final Consumer<List<FinetuneRecord>> sink;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private Map<TopicPartition, Long> endAtStart = Map.of();

    FeedReader(KafkaConsumer<String, String> consumer, Consumer<List<FinetuneRecord>> sink) {
        this.consumer = consumer;
        this.sink = sink;
    }

    /** Waits at most {@code timeout} for the feed to catch up; true if it has. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends the run (from any thread). */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void run() {
        try (consumer) {
            endAtStart = endOffsets();
            consumer.subscribe(List.of(Topics.FINETUNE_RECORDS));
            while (!Thread.currentThread().isInterrupted()) {
                sink.accept(poll());
                noteCatchUp();
            }
        } catch (WakeupException stopping) {
            LOG.debug("library-shots feed stopped");
        } catch (RuntimeException e) {
            LOG.errorf(e, "library-shots feed stopped: %s", e.getMessage());
        } finally {
            caughtUp.countDown();
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.FINETUNE_RECORDS);
        return consumer.endOffsets(partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList());
    }

    private List<FinetuneRecord> poll() {
        List<FinetuneRecord> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
            parse(record.value()).ifPresent(batch::add);
        }
        return batch;
    }

    private void noteCatchUp() {
        if (caughtUp.getCount() > 0 && readUpTo(endAtStart)) {
            caughtUp.countDown();
            LOG.infof("library-shots: the experience library is read (%s)", endAtStart);
        }
    }

    private boolean readUpTo(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || consumer.assignment().contains(end.getKey()) && consumer.position(end.getKey()) >= end.getValue());
    }

    private static Optional<FinetuneRecord> parse(String payload) {
        try {
            return Optional.ofNullable(Json.mapper().readValue(payload, FinetuneRecord.class));
        } catch (Exception e) {
            LOG.warnf("library-shots: skipped an unreadable %s message: %s", Topics.FINETUNE_RECORDS, e.getMessage());
            return Optional.empty();
        }
    }
}
