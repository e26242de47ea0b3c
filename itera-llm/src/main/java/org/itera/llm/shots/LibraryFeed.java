package org.itera.llm.shots;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Topics;
import org.itera.core.json.Json;
import org.jboss.logging.Logger;

/**
 * Reads the experience library into {@link LibraryShots}: every {@code finetune-records} message
 * from the earliest offset, with a consumer group of this instance's own and no commits, so a
 * (re)started service rebuilds the whole library and then follows it as successes arrive. Runs
 * only when some agent has library-shots; an unreadable message is logged and skipped.
 */
@ApplicationScoped
public class LibraryFeed {

    private static final Logger LOG = Logger.getLogger(LibraryFeed.class);

    private final LibraryShots shots;
    private final String bootstrapServers;
    private final String application;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread reader;

    public LibraryFeed(LibraryShots shots, @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "itera") String application) {
        this.shots = shots;
        this.bootstrapServers = bootstrapServers;
        this.application = application;
    }

    void start(@Observes StartupEvent started) {
        if (!shots.enabled()) {
            return;
        }
        consumer = new KafkaConsumer<>(properties(), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.FINETUNE_RECORDS));
        reader = new Thread(this::read, "library-shots-feed");
        reader.setDaemon(true);
        reader.start();
        LOG.infof("library-shots: reading the experience library from %s", Topics.FINETUNE_RECORDS);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (consumer != null) {
            consumer.wakeup();
            reader.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void read() {
        try (KafkaConsumer<String, String> records = consumer) {
            while (!Thread.currentThread().isInterrupted()) {
                List<FinetuneRecord> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records.poll(Duration.ofSeconds(1))) {
                    parse(record.value()).ifPresent(batch::add);
                }
                shots.addAll(batch);
            }
        } catch (WakeupException stopping) {
            LOG.debugf("library-shots feed stopped with %d entries", shots.size());
        } catch (RuntimeException e) {
            LOG.errorf(e, "library-shots feed stopped: %s", e.getMessage());
        }
    }

    private static Optional<FinetuneRecord> parse(String payload) {
        try {
            return Optional.ofNullable(Json.mapper().readValue(payload, FinetuneRecord.class));
        } catch (Exception e) {
            LOG.warnf("library-shots: skipped an unreadable %s message: %s", Topics.FINETUNE_RECORDS, e.getMessage());
            return Optional.empty();
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-library-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-library-shots");
        return properties;
    }
}
