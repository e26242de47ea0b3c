package org.itera.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.itera.core.event.Topics;
import org.junit.jupiter.api.Test;

/** The local broker's topics: {@code KAFKA_PARTITIONS} (default 6) for the work topics, one for the rest. */
class KafkaPartitionsTest {

    private static StackConfig config(Map<String, String> env) {
        return new StackConfig(Path.of("/repo"), Path.of("/tmp/itera-home"), env);
    }

    @Test
    void theWorkTopicsGetSixPartitionsByDefaultModelUpdatesAndEveryDeadLetterTopicOne() throws Exception {
        Map<String, Integer> topics = new KafkaBroker(config(Map.of())).wantedTopics();

        assertThat(topics).hasSize(Topics.all().size())
                .containsEntry("tasks", 6).containsEntry("trajectories", 6).containsEntry("failures", 6)
                .containsEntry("regenerated", 6).containsEntry("finetune-records", 6)
                .containsEntry("model-updates", 1).containsEntry("tasks-dlq", 1).containsEntry("model-updates-dlq", 1);
        assertThat(KafkaServerProperties.render(config(Map.of()), Path.of("/tmp/k"))).contains("\nnum.partitions=6\n");
    }

    @Test
    void kafkaPartitionsSetsThemAndABadValueIsNamed() throws Exception {
        StackConfig three = config(Map.of("KAFKA_PARTITIONS", "3"));
        assertThat(new KafkaBroker(three).wantedTopics()).containsEntry("tasks", 3).containsEntry("failures-dlq", 1);
        assertThat(KafkaServerProperties.render(three, Path.of("/tmp/k"))).contains("\nnum.partitions=3\n");
        assertThatThrownBy(() -> config(Map.of("KAFKA_PARTITIONS", "many")).kafkaPartitions())
                .isInstanceOf(StackException.class).hasMessageContaining("KAFKA_PARTITIONS").hasMessageContaining("'many'");
        assertThatThrownBy(() -> config(Map.of("KAFKA_PARTITIONS", "0")).kafkaPartitions())
                .isInstanceOf(StackException.class);
    }
}
