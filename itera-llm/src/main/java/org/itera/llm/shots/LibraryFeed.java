package org.itera.llm.shots;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Topics;
import org.itera.llm.LlmConfig;
import org.jboss.logging.Logger;

/**
 * Reads the experience library for {@link LibraryShots}: every {@code finetune-records} message
 * from the earliest offset, with a consumer group of this instance's own and no commits, so a
 * (re)started service rebuilds the whole library and then follows it as successes arrive. Nothing
 * runs until {@link #startOnce} (the first task with shots, or start-up when an agent's k is
 * configured); it starts at most once. The first tasks then wait ({@link #awaitCatchUp}) until the
 * library as it was at the start is read, at most {@code itera.llm.library-shots.catch-up-timeout}.
 */
@ApplicationScoped
public class LibraryFeed {

    private static final Logger LOG = Logger.getLogger(LibraryFeed.class);

    private final String bootstrapServers;
    private final String application;
    private final Duration catchUpTimeout;
    private volatile FeedReader reader;
    private volatile Instant catchUpDeadline;
    private volatile boolean catchUpOver;
    private Thread thread;

    public LibraryFeed(LlmConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "itera") String application) {
        this.bootstrapServers = bootstrapServers;
        this.application = application;
        this.catchUpTimeout = config.libraryShots().catchUpTimeout();
    }

    /** Starts reading the library into {@code sink} unless it runs already; false if it did. */
    public synchronized boolean startOnce(Consumer<List<FinetuneRecord>> sink) {
        if (reader != null) {
            return false;
        }
        catchUpDeadline = Instant.now().plus(catchUpTimeout);
        reader = new FeedReader(new KafkaConsumer<>(properties(), new StringDeserializer(), new StringDeserializer()), sink);
        thread = new Thread(reader, "library-shots-feed");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("library-shots: reading the experience library from %s", Topics.FINETUNE_RECORDS);
        return true;
    }

    /** Whether the feed has been started. */
    public boolean started() {
        return reader != null;
    }

    /**
     * Waits until the feed has read the library as it was when it started, or its catch-up
     * timeout (counted from the start) has passed, then goes on with what is there (warning once).
     */
    public void awaitCatchUp() {
        if (catchUpOver || reader == null) {
            return;
        }
        Duration left = Duration.between(Instant.now(), catchUpDeadline);
        try {
            if (reader.awaitCaughtUp(left.isNegative() ? Duration.ZERO : left)) {
                catchUpOver = true;
            } else {
                warnOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void warnOnce() {
        if (!catchUpOver) {
            catchUpOver = true;
            LOG.warnf("library-shots: the experience library is not read after %s; going on with what is there",
                    catchUpTimeout);
        }
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        Thread running;
        synchronized (this) {
            if (reader == null) {
                return;
            }
            reader.wakeup();
            running = thread;
        }
        running.join(Duration.ofSeconds(5).toMillis());
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
