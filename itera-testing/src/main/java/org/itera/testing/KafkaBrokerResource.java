package org.itera.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.itera.core.event.Topics;

/**
 * A real Kafka broker (KRaft, in this JVM) for tests, started once per JVM with every Itera topic
 * created. Test classes share it; each uses its own consumer groups and task ids.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static String bootstrap;

    /** Starts the broker if needed and returns its bootstrap address. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(0)
                    .withKafkaPort(0)
                    .withControllerPort(0)
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("num.partitions", "2");
                        p.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .start();
            bootstrap = broker.getAdvertisedListeners();
            createTopics(bootstrap);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-stop"));
        }
        return bootstrap;
    }

    /** Creates every Itera topic, with 2 partitions each, on the broker at {@code servers}. */
    public static void createTopics(String servers) {
        try (KafkaCompanion companion = new KafkaCompanion(servers)) {
            for (String topic : Topics.all()) {
                companion.topics().createAndWait(topic, 2, Duration.ofSeconds(30));
            }
        }
    }

    @Override
    public Map<String, String> start() {
        String servers = bootstrapServers();
        return Map.of("kafka.bootstrap.servers", servers,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
