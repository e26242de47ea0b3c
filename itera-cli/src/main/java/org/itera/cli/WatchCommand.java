package org.itera.cli;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itera.core.run.RunIds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itera watch}: follows one run through filter-service's {@code GET /runs/ID} and prints its summary. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Follows one run until it is done and prints its summary.",
            "Follows one run through filter-service's GET /runs/ID (every task of the run carries",
            "its id), draws progress on stderr, and when every task is graded or dead-lettered (or at the",
            "timeout) prints the run's summary on stdout: accuracy per subject and split, library entries",
            "added by role and origin, repairs and the rescue rate, tasks that failed to run.",
            "With --settle it first waits until no task of the run waits for a repair."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:done",
            "1:timed out before every task was graded, or filter-service stopped answering",
            "4:every task graded, the repair loop still working at the timeout", "64:wrong usage"})
public final class WatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "the run's id")
    String run;
    @Option(names = "--expect", required = true, paramLabel = "N", description = "tasks pushed for this run")
    int expect;
    @Option(names = "--filter", defaultValue = RunOptions.DEFAULT_FILTER, paramLabel = "URL",
            description = "filter-service; default ${DEFAULT-VALUE}")
    URI filter;
    @Option(names = "--settle", description = "wait for the repair loop to settle")
    boolean settle;
    @Option(names = "--timeout", defaultValue = "900", paramLabel = "SECONDS",
            description = "give up after this long (tasks and repairs together); default ${DEFAULT-VALUE}")
    int timeout;
    @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS", description = "between polls; default ${DEFAULT-VALUE}")
    double interval;
    @Option(names = "--settle-interval", paramLabel = "SECONDS", description = "between polls while repairs settle; default --interval")
    Double settleInterval;
    @Option(names = "--unreachable", defaultValue = "60", paramLabel = "SECONDS",
            description = "give up when filter-service does not answer for this long; default ${DEFAULT-VALUE}")
    int unreachable;
    @Option(names = "--progress", defaultValue = "AUTO", paramLabel = "auto|tty|lines|none",
            description = "how progress is drawn; default auto", converter = ProgressConverter.class)
    RunOptions.Progress progress;
    @Option(names = "--dlq-hint", paramLabel = "TEXT", description = "a line shown when tasks failed to run")
    String dlqHint;

    @Override
    public Integer call() throws InterruptedException {
        return RunWatcher.follow(options(), System.out, System.err);
    }

    /** The options of {@code args}, checked; a {@link CommandLine.ParameterException} when they are wrong. */
    static RunOptions parse(String... args) {
        WatchCommand command = new WatchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    RunOptions options() {
        Optional<String> badRun = RunIds.problem(run);
        require(badRun.isEmpty(), "--run: " + badRun.orElse(""));
        require(expect >= 0, "--expect cannot be negative");
        require(timeout >= 1 && unreachable >= 1, "--timeout and --unreachable must be at least 1");
        require(seconds(interval) && (settleInterval == null || seconds(settleInterval)),
                "--interval and --settle-interval take 0.05 to 3600 seconds");
        require(("http".equals(filter.getScheme()) || "https".equals(filter.getScheme())) && filter.getHost() != null,
                "--filter needs an http:// URL, not '" + filter + "'");
        return new RunOptions(filter, run.strip(), expect, settle, timeout, interval,
                settleInterval == null ? interval : settleInterval, unreachable, progress, dlqHint);
    }

    private static boolean seconds(double value) {
        return value >= 0.05 && value <= 3600;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(), message);
        }
    }

    /** auto, tty, lines or none, in any case. */
    static final class ProgressConverter implements CommandLine.ITypeConverter<RunOptions.Progress> {
        @Override
        public RunOptions.Progress convert(String value) {
            try {
                return RunOptions.Progress.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("auto, tty, lines or none, not '" + value + "'");
            }
        }
    }
}
