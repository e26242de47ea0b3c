package org.itera.cli.stack;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.itera.core.event.Topics;

/**
 * How many records of a topic a consumer group has not committed yet. The services commit a record
 * only once they finished with it, so a lag of 0 on every {@link #PIPELINE} pair means nothing of the
 * pipeline is queued or in flight. Shared by {@code itera run} and the end-to-end tests.
 */
public final class ConsumerLag {

    /** A consumer group and the topic it reads. */
    public record Queue(String group, String topic) {
    }

    /** tasks → generator, trajectories and regenerated → filter, failures → feedback. */
    public static final List<Queue> PIPELINE = List.of(new Queue("generator-service", Topics.TASKS),
            new Queue("filter-service", Topics.TRAJECTORIES), new Queue("feedback-service", Topics.FAILURES),
            new Queue("filter-service", Topics.REGENERATED));

    private ConsumerLag() {
    }

    public static long of(String bootstrap, String group, String topic) throws ExecutionException, InterruptedException {
        return of(bootstrap, List.of(new Queue(group, topic)));
    }

    /** The records of {@code queues} not committed yet, summed (a partition never committed counts whole). */
    public static long of(String bootstrap, List<Queue> queues) throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        try (Admin admin = Admin.create(props)) {
            long lag = 0;
            for (Queue queue : queues) {
                lag += lag(admin, queue);
            }
            return lag;
        }
    }

    private static long lag(Admin admin, Queue queue) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(queue.group()).partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(queue.topic())).allTopicNames().get()
                .get(queue.topic()).partitions().stream().map(p -> new TopicPartition(queue.topic(), p.partition()))
                .collect(Collectors.toSet());
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
