package org.itera.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.itera.cli.stack.StackConfig;
import org.itera.core.event.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itera dlq}: what went to the dead-letter topics, each record's key and the reason it failed. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = {"Lists what went to the dead-letter topics, and why.",
            "Lists the records on the dead-letter topics (every run so far): the key (a task id) and",
            "the reason it failed. filter-service also keeps them in the dead-letters collection and in",
            "GET /runs/{id}."})
public final class DlqCommand implements Callable<Integer> {

    static final String REASON_HEADER = "dead-letter-reason";

    @Option(names = "--topic", paramLabel = "TOPIC", description = "one dead-letter topic, e.g. tasks-dlq; default: all")
    String topic;
    @Option(names = {"-b", "--bootstrap"}, paramLabel = "HOSTS", description = "default: the local broker")
    String bootstrap;

    @Override
    public Integer call() {
        String servers = bootstrap != null ? bootstrap : StackConfig.fromEnvironment().kafkaBootstrap();
        List<String> topics = topic != null ? List.of(topic) : Topics.WORK.stream().map(Topics::dlq).toList();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props(servers))) {
            int total = 0;
            for (String name : topics) {
                total += list(consumer, name);
            }
            System.out.println(total + " record(s) on " + String.join(", ", topics) + " at " + servers);
            return ExitCodes.OK;
        } catch (org.apache.kafka.common.KafkaException e) {
            System.err.println("itera dlq: cannot read from Kafka at " + servers + " (is it up? itera status): " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static int list(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        var ends = consumer.endOffsets(partitions);
        int count = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                Header reason = record.headers().lastHeader(REASON_HEADER);
                System.out.println(topic + "  " + record.key());
                System.out.println("    " + (reason == null ? "(no reason given)" : new String(reason.value(), StandardCharsets.UTF_8)));
                count++;
            }
        }
        return count;
    }

    private static Properties props(String servers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return props;
    }
}
