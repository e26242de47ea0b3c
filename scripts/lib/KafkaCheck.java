import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Smoke test of the local broker, run by {@code scripts/infra.sh check kafka} as a single-file
 * program on the broker's class path: the expected topics exist, and one record written to a
 * scratch topic comes back through a consumer group (which also exercises the group coordinator
 * and __consumer_offsets).
 *
 * <p>Usage: {@code java -cp 'kafka/lib/*' KafkaCheck.java BOOTSTRAP TOPIC...}
 */
public class KafkaCheck {

    static final String SCRATCH = "itera-infra-check";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaCheck BOOTSTRAP [TOPIC...]");
            System.exit(2);
        }
        String bootstrap = args[0];
        List<String> expected = Arrays.asList(args).subList(1, args.length);
        long started = System.nanoTime();

        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        common.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");

        try (Admin admin = Admin.create(common)) {
            Set<String> names = new TreeSet<>(admin.listTopics().names().get());
            List<String> missing = new ArrayList<>();
            for (String t : expected) {
                if (!names.contains(t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                fail("missing topics: " + missing);
            }
            if (!expected.isEmpty()) {
                Map<String, TopicDescription> described = admin.describeTopics(expected).allTopicNames().get();
                StringBuilder sb = new StringBuilder();
                for (String t : expected) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(t).append('/')
                            .append(described.get(t).partitions().size());
                }
                System.out.println("kafka: " + expected.size() + " topics present (name/partitions): " + sb);
            }
            try {
                admin.createTopics(List.of(new NewTopic(SCRATCH, 1, (short) 1)
                        .configs(Map.of("retention.ms", "3600000")))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }

        String key = "check-" + UUID.randomUUID();
        String value = "{\"check\":\"" + key + "\"}";
        Properties p = new Properties();
        p.putAll(common);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        RecordMetadata written;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            written = producer.send(new ProducerRecord<>(SCRATCH, key, value)).get();
        }

        Properties c = new Properties();
        c.putAll(common);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "itera-infra-check-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        boolean found = false;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(SCRATCH));
            long deadline = System.currentTimeMillis() + 60_000;
            while (!found && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && value.equals(r.value())) {
                        found = true;
                    }
                }
            }
            if (found) {
                consumer.commitSync();
            }
        }
        if (!found) {
            fail("the record written to " + SCRATCH + " at offset " + written.offset() + " was not consumed within 60s");
        }
        System.out.printf("kafka: produced and consumed one record on %s (offset %d) in %.1fs%n",
                SCRATCH, written.offset(), (System.nanoTime() - started) / 1e9);
    }

    static void fail(String message) {
        System.err.println("kafka check failed: " + message);
        System.exit(1);
    }
}
