package org.itera.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.run.RunIds;

/**
 * The options of {@code push-tasks}, parsed by hand from the command line.
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
        boolean strict,
        boolean help) {

    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String DEFAULT_TOPIC = "tasks";
    public static final int DEFAULT_TIMEOUT_SECONDS = 15;

    private static final Set<String> SPLITS = Set.of("train", "test");

    /** Parses the arguments; the environment supplies the bootstrap servers when none is given. */
    public static CliOptions parse(String[] args, Map<String, String> env) throws UsageException {
        Builder b = new Builder();
        ArgCursor cursor = new ArgCursor(args);
        while (cursor.hasNext()) {
            b.accept(cursor.next(), cursor);
        }
        return b.help ? b.helpOnly() : b.build(env);
    }

    /** The bootstrap servers when no {@code --bootstrap} was given. */
    static String defaultBootstrap(Map<String, String> env) {
        String fromEnv = env.get(BOOTSTRAP_ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_BOOTSTRAP : fromEnv.strip();
    }

    private static final class Builder {
        private Path file;
        private String setting = TaskEvent.SETTING_PROBLEM_SOLVING;
        private String subject;
        private String split;
        private int limit = -1;
        private int offset;
        private Integer round;
        private String run;
        private String bootstrap;
        private String topic = DEFAULT_TOPIC;
        private int timeout = DEFAULT_TIMEOUT_SECONDS;
        private boolean dryRun;
        private boolean strict;
        private boolean help;

        void accept(String arg, ArgCursor cursor) throws UsageException {
            switch (cursor.name(arg)) {
                case "--file", "-f" -> file = Path.of(cursor.value(arg));
                case "--subject", "-s" -> subject = cursor.value(arg);
                case "--setting" -> setting = cursor.value(arg);
                case "--split" -> split = cursor.value(arg);
                case "--limit", "-n" -> limit = cursor.intValue(arg, 1);
                case "--offset" -> offset = cursor.intValue(arg, 0);
                case "--round" -> round = cursor.intValue(arg, 0);
                case "--run" -> run = cursor.value(arg);
                case "--bootstrap", "-b" -> bootstrap = cursor.value(arg);
                case "--topic", "-t" -> topic = cursor.value(arg);
                case "--timeout" -> timeout = cursor.intValue(arg, 1);
                case "--dry-run" -> dryRun = cursor.flag(arg);
                case "--strict" -> strict = cursor.flag(arg);
                case "--help", "-h" -> help = cursor.flag(arg);
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }

        CliOptions helpOnly() {
            return new CliOptions(null, null, null, null, -1, 0, null, null, null, DEFAULT_TOPIC,
                    DEFAULT_TIMEOUT_SECONDS, false, false, true);
        }

        CliOptions build(Map<String, String> env) throws UsageException {
            require(file != null, "--file is required");
            require(subject != null, "--subject is required");
            require(split != null, "--split is required (train or test)");
            require(SPLITS.contains(split), "--split must be train or test, not '" + split + "'");
            require(!topic.isBlank(), "--topic must not be empty");
            String servers = bootstrap == null ? defaultBootstrap(env) : bootstrap.strip();
            require(!servers.isEmpty(), "--bootstrap must not be empty");
            Optional<String> badRun = RunIds.problem(run);
            require(badRun.isEmpty(), "--run: " + badRun.orElse(""));
            return new CliOptions(file, setting, subject, split, limit, offset, round, run, servers, topic,
                    timeout, dryRun, strict, false);
        }

        private static void require(boolean condition, String message) throws UsageException {
            if (!condition) {
                throw new UsageException(message);
            }
        }
    }
}
