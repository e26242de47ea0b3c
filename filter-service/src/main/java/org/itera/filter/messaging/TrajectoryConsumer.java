package org.itera.filter.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.SettingRegistry;
import org.itera.filter.TrajectoryFilter;
import org.itera.quarkus.store.StoreOutage;
import org.jboss.logging.Logger;

/**
 * Reads {@code trajectories} and {@code regenerated} (repaired trajectories from feedback-service)
 * in batches (what one poll returns, up to {@code max.poll.records}) and files both the same way,
 * up to {@code ITERA_FILTER_CONCURRENCY} batches at once (the {@code filing} worker pool; copies of
 * one trajectory in two batches are filed one after the other, see the filter). A batch is acknowledged when its filing returned, so after
 * everything it produced was written. A record that is not a readable trajectory is nacked on its
 * own and lands on the topic's dead-letter topic ({@code trajectories-dlq}, {@code regenerated-dlq})
 * with the reason; when filing the whole batch fails, its trajectories are filed one at a time, so
 * only the one that fails is dead-lettered. While the store cannot be reached, a batch waits and is
 * filed again ({@link StoreOutage}) rather than dead-lettered. The service keeps consuming.
 */
@ApplicationScoped
public class TrajectoryConsumer {

    private static final Logger LOG = Logger.getLogger(TrajectoryConsumer.class);

    private final TrajectoryFilter filter;
    private final SettingRegistry settings;

    public TrajectoryConsumer(TrajectoryFilter filter, SettingRegistry settings) {
        this.filter = filter;
        this.settings = settings;
    }

    @Incoming("trajectories")
    @Blocking(value = "filing", ordered = false)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return file(batch);
    }

    @Incoming("regenerated")
    @Blocking(value = "filing", ordered = false)
    public CompletionStage<Void> consumeRegenerated(KafkaRecordBatch<String, String> batch) {
        return file(batch);
    }

    private CompletionStage<Void> file(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        List<TrajectoryEvent> trajectories = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                trajectories.add(TrajectoryReader.read(record.getPayload(), settings));
                records.add(record);
            } catch (RuntimeException unreadable) {
                deadLetter(record, unreadable);
            }
        }
        try {
            fileAll(records, trajectories);
        } catch (StoreOutage.Stopped stopping) {
            LOG.infof("a batch of %d trajectories stays unacknowledged; it comes again after the restart",
                    trajectories.size());
            return CompletableFuture.completedFuture(null);
        }
        return batch.ack();
    }

    private void fileAll(List<KafkaRecord<String, String>> records, List<TrajectoryEvent> trajectories) {
        try {
            StoreOutage.retrying(() -> filter.file(trajectories));
        } catch (StoreOutage.Stopped stopping) {
            throw stopping;
        } catch (RuntimeException batchFailed) {
            LOG.warnf("filing a batch of %d trajectories failed (%s); filing them one at a time",
                    trajectories.size(), batchFailed.getMessage());
            fileOneByOne(records, trajectories);
        }
    }

    private void fileOneByOne(List<KafkaRecord<String, String>> records, List<TrajectoryEvent> trajectories) {
        for (int i = 0; i < trajectories.size(); i++) {
            TrajectoryEvent trajectory = trajectories.get(i);
            try {
                StoreOutage.retrying(() -> filter.file(trajectory));
            } catch (StoreOutage.Stopped stopping) {
                throw stopping;
            } catch (RuntimeException failed) {
                deadLetter(records.get(i), failed);
            }
        }
    }

    private static void deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        record.nack(reason).toCompletableFuture().join();
    }
}
