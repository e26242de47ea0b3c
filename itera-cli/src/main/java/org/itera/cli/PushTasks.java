package org.itera.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itera.core.run.RunIds;
import org.itera.core.event.TaskEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itera push}: pushes a JSONL dataset file onto the Kafka {@code tasks} topic. */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pushes the tasks of a JSONL dataset file onto the tasks topic.",
            "Reads a JSONL dataset file (one task per line: id, question, choices, context, answer),",
            "turns every line into a task event of the setting, subject and split, checks it, and produces it",
            "onto a Kafka topic keyed by the task id. An invalid line is reported on stderr with its line",
            "number and reasons and never sent. Progress goes to stderr, the summary line to stdout."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:every task sent and acknowledged",
            "1:the file could not be read, the broker was unreachable, or a send failed",
            "2:some lines were invalid (the valid ones were sent, unless --strict)", "64:wrong usage"})
public final class PushTasks implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "the JSONL file")
    Path file;
    @Option(names = {"-s", "--subject"}, required = true, description = "the team and grader, e.g. arithmetic")
    String subject;
    @Option(names = "--split", required = true, paramLabel = "train|test",
            description = "train feeds the experience library; test is evaluated only")
    String split;
    @Option(names = "--setting", defaultValue = TaskEvent.SETTING_PROBLEM_SOLVING,
            description = "problem-solving (default), actor-critic or competitive")
    String setting;
    @Option(names = {"-n", "--limit"}, defaultValue = "-1", description = "read at most N lines after the offset; default all")
    int limit;
    @Option(names = "--offset", defaultValue = "0", description = "skip the first K non-blank lines; default 0")
    int offset;
    @Option(names = "--round", description = "the evaluation round set on every task")
    Integer round;
    @Option(names = "--run", paramLabel = "ID", description = "mark every task as part of run ID (GET /runs/ID on filter-service)")
    String run;
    @Option(names = {"-b", "--bootstrap"}, paramLabel = "HOSTS",
            description = "Kafka bootstrap servers; default $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092")
    String bootstrap;
    @Option(names = {"-t", "--topic"}, defaultValue = CliOptions.DEFAULT_TOPIC, description = "default ${DEFAULT-VALUE}")
    String topic;
    @Option(names = "--timeout", defaultValue = "15", description = "seconds to wait for the broker; default ${DEFAULT-VALUE}")
    int timeout;
    @Option(names = "--strict", description = "send nothing at all if any line is invalid")
    boolean strict;
    @Option(names = "--dry-run", description = "check the lines and print the task events instead of sending them")
    boolean dryRun;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final PushCommand.PublisherFactory publishers;

    public PushTasks() {
        this(System.out, System.err, System.getenv(), TaskPublisher::connect);
    }

    PushTasks(PrintStream out, PrintStream err, Map<String, String> env, PushCommand.PublisherFactory publishers) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.publishers = publishers;
    }

    /** Runs the command on {@code args} and returns its exit status; never calls {@code System.exit}. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
            PushCommand.PublisherFactory publishers) {
        return Itera.commandLine(new PushTasks(out, err, env, publishers), out, err).execute(args);
    }

    /** The options {@code args} give, checked; a {@link CommandLine.ParameterException} when they are wrong. */
    static CliOptions parse(Map<String, String> env, String... args) {
        PushTasks command = new PushTasks(System.out, System.err, env, TaskPublisher::connect);
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Override
    public Integer call() {
        try {
            return new PushCommand(options(), out, err, publishers).run(KnownSettings.standard());
        } catch (IOException e) {
            err.println("itera push: cannot read the file: " + e);
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("itera push: interrupted");
            return ExitCodes.INTERRUPTED;
        }
    }

    CliOptions options() {
        require(CliOptions.SPLITS.contains(split), "--split must be train or test, not '" + split + "'");
        require(limit == -1 || limit >= 1, "--limit must be at least 1");
        require(offset >= 0 && timeout >= 1 && (round == null || round >= 0), "--offset, --round and --timeout cannot be negative");
        require(!topic.isBlank(), "--topic must not be empty");
        String servers = bootstrap == null ? CliOptions.defaultBootstrap(env) : bootstrap.strip();
        require(!servers.isEmpty(), "--bootstrap must not be empty");
        Optional<String> badRun = RunIds.problem(run);
        require(badRun.isEmpty(), "--run: " + badRun.orElse(""));
        return new CliOptions(file, setting, subject, split, limit, offset, round, run, servers, topic, timeout, dryRun, strict);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
