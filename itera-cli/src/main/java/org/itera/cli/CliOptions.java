package org.itera.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.run.RunIds;

/**
 * The options of {@code itera push} (parsed by {@link PushTasks}).
 *
 * <p>{@code limit} is -1 when no limit was given; {@code round} is null when not given;
 * {@code setting} is problem solving unless given; {@code run} (the run id every task is marked
 * with) is null when not given.
 */
public record CliOptions(
        Path file,
        String setting,
        String subject,
        String split,
        int limit,
        int offset,
        Integer round,
        String run,
        String bootstrap,
        String topic,
        int timeoutSeconds,
        boolean dryRun,
        boolean strict) {

    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String DEFAULT_TOPIC = "tasks";
    public static final int DEFAULT_TIMEOUT_SECONDS = 15;

    static final Set<String> SPLITS = Set.of("train", "test");

    /** The bootstrap servers when no {@code --bootstrap} was given. */
    static String defaultBootstrap(Map<String, String> env) {
        String fromEnv = env.get(BOOTSTRAP_ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_BOOTSTRAP : fromEnv.strip();
    }
}
