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

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + "-dlq";
    }

    /** Every topic Itera uses, dead-letter topics included. */
    public static List<String> all() {
        return Stream.concat(WORK.stream(), WORK.stream().map(Topics::dlq)).toList();
    }
}
