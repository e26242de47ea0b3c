import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics that do not exist yet, all in one request; existing topics are left as
 * they are (the same effect as {@code kafka-topics --create --if-not-exists} for each, without
 * starting one JVM per topic). Run by {@code scripts/infra.sh start} on the broker's class path.
 *
 * <p>Usage: {@code java -cp 'kafka/lib/*' KafkaTopics.java BOOTSTRAP NAME:PARTITIONS...}
 * (replication factor 1).
 */
public class KafkaTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaTopics BOOTSTRAP NAME:PARTITIONS...");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");

        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] spec = args[i].split(":", 2);
                int partitions = spec.length == 2 ? Integer.parseInt(spec[1]) : 1;
                if (!existing.contains(spec[0])) {
                    wanted.add(new NewTopic(spec[0], partitions, (short) 1));
                }
            }
            if (wanted.isEmpty()) {
                System.out.println("kafka: all " + (args.length - 1) + " topics present");
                return;
            }
            CreateTopicsResult result = admin.createTopics(wanted);
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> e
                    : result.values().entrySet()) {
                try {
                    e.getValue().get();
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        System.err.println("kafka: creating topic " + e.getKey() + " failed: " + ex.getCause());
                        System.exit(1);
                    }
                }
            }
            System.out.println("kafka: created " + created.size() + " topics: " + String.join(" ", created));
        }
    }
}
