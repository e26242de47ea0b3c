package org.itera.core.event;

import java.util.List;
import java.util.stream.Stream;

/** The Kafka topics fixed by the design brief, and their dead-letter topics. */
public final class Topics {

    public static final String TASKS = "tasks";
    public static final String TRAJECTORIES = "trajectories";
    public static final String FAILURES = "failures";
    public static final String REGENERATED = "regenerated";
    public static final String FINETUNE_RECORDS = "finetune-records";
    public static final String MODEL_UPDATES = "model-updates";

    public static final List<String> WORK = List.of(TASKS, TRAJECTORIES, FAILURES, REGENERATED,
            FINETUNE_RECORDS, MODEL_UPDATES);

    /**
     * Partitions of each partitioned topic when {@code KAFKA_PARTITIONS} is not set (the local stack
     * and docker-compose.yml): up to six instances of a service share a topic's work.
     */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    /**
     * The partitions of {@code topic} when the partitioned topics get {@code partitions}: every work
     * topic but {@code model-updates} (one writer, and every generator reads all of it in order);
     * {@code model-updates} and the dead-letter topics get one.
     */
    public static int partitionsOf(String topic, int partitions) {
        return WORK.contains(topic) && !MODEL_UPDATES.equals(topic) ? partitions : 1;
    }

    public static String dlq(String topic) {
        return topic + "-dlq";
    }

    /** Every topic Itera uses, dead-letter topics included. */
    public static List<String> all() {
        return Stream.concat(WORK.stream(), WORK.stream().map(Topics::dlq)).toList();
    }
}
