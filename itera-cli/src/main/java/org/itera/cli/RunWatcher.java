package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code run-watcher}: follows the tasks of one run through the services until every one is graded
 * or failed to run, then (with {@code --backlog-command}) the repair loop until it settles, and
 * prints what the run did. See {@link RunOptions#HELP}.
 */
public final class RunWatcher {

    static final int OK = 0;
    static final int FAILED = 1;
    /** Every task was graded, but the repair loop was still working at the timeout. */
    static final int REPAIRS_UNSETTLED = 4;
    static final int USAGE = 64;

    /** Where the numbers come from; each call throws when that service does not answer. */
    interface Source {
        String stats() throws IOException, InterruptedException;

        String generatorMetrics() throws IOException, InterruptedException;

        String filterMetrics() throws IOException, InterruptedException;

        String feedbackMetrics() throws IOException, InterruptedException;

        /** Records on the pipeline's topics that the services have not finished yet. */
        long backlog() throws IOException, InterruptedException;
    }

    private final RunOptions options;
    private final Source source;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final RunProgressLine drawer;

    RunWatcher(RunOptions options, Source source, Clock clock, PrintStream out, PrintStream err, boolean tty) {
        this.options = options;
        this.source = source;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.drawer = new RunProgressLine(err, options.progress(), tty);
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (UsageException e) {
            err.println("run-watcher: " + e.getMessage());
            err.println("Try 'run-watcher --help' for more information.");
            return USAGE;
        }
        if (options.help()) {
            out.print(RunOptions.HELP);
            return OK;
        }
        RunSnapshot baseline;
        try {
            baseline = readBaseline(options);
        } catch (IOException e) {
            err.println("run-watcher: cannot read a baseline file: " + e.getMessage());
            return FAILED;
        }
        RunWatcher watcher = new RunWatcher(options, new RunHttpSource(options), Clock.SYSTEM, out, err,
                System.console() != null);
        Runtime.getRuntime().addShutdownHook(new Thread(watcher.drawer::interrupted));
        try {
            return watcher.watch(baseline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("run-watcher: interrupted");
            return FAILED;
        }
    }

    /** The baseline from the files given; parts not given stay null until the first poll. */
    static RunSnapshot readBaseline(RunOptions options) throws IOException {
        JsonNode stats = null;
        if (options.baseline() != null) {
            stats = RunSnapshot.parseStats(read(options.baseline()));
            if (!stats.isObject()) {
                throw new IOException(options.baseline() + " holds no stats JSON object");
            }
        }
        RunMetrics generator = options.generatorMetricsBaseline() == null ? null
                : RunMetrics.parse(read(options.generatorMetricsBaseline()));
        RunMetrics filter = options.filterMetricsBaseline() == null ? null
                : RunMetrics.parse(read(options.filterMetricsBaseline()));
        RunMetrics feedback = options.feedbackMetricsBaseline() == null ? null
                : RunMetrics.parse(read(options.feedbackMetricsBaseline()));
        return new RunSnapshot(stats, generator, filter, feedback);
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        }
    }

    /** Polls until the run is done, times out, or the filter stays silent; returns the exit status. */
    int watch(RunSnapshot given) throws InterruptedException {
        long start = clock.millis();
        long intervalMs = Math.round(options.intervalSeconds() * 1000);
        long lastFilterAnswer = start;
        RunSnapshot current = RunSnapshot.empty();
        RunSnapshot baseline = null;
        String problem = null;
        boolean timedOut = false;
        while (true) {
            Poll poll = poll(current);
            current = poll.snapshot();
            baseline = baseline == null ? fill(given, current) : fill(baseline, current);
            long now = clock.millis();
            if (poll.statsError() == null) {
                lastFilterAnswer = now;
            } else if (now - lastFilterAnswer >= options.unreachableSeconds() * 1000L) {
                problem = "the filter-service at " + options.filter() + " has not answered for "
                        + options.unreachableSeconds() + "s (" + poll.statsError() + ")";
                break;
            }
            RunTally tally = RunTally.between(baseline, current);
            drawer.show(RunSummary.progress(tally, options.expect(), (now - start) / 1000), tally.done(),
                    poll.statsError() == null ? null : "filter not answering: " + poll.statsError());
            if (tally.done() >= options.expect()) {
                if (options.expect() > 0 && options.backlogCommand() == null) {
                    // the filter stores a trajectory before its library entries and repair event:
                    // one more poll lets those land in the summary too
                    clock.sleep(Math.min(intervalMs, 1000));
                    current = poll(current).snapshot();
                }
                break;
            }
            if (now - start >= options.timeoutSeconds() * 1000L) {
                timedOut = true;
                break;
            }
            clock.sleep(intervalMs);
        }
        RunTally tally = RunTally.between(baseline, current);
        drawer.finish(RunSummary.progress(tally, options.expect(), (clock.millis() - start) / 1000), tally.done());

        String repairNote = null;
        String repairsTimedOut = null;
        if (!timedOut && problem == null && options.expect() > 0 && options.backlogCommand() != null) {
            Settle settle = settleRepairs(baseline, current, start, lastFilterAnswer);
            current = settle.snapshot();
            problem = settle.problem();
            if (settle.timedOut()) {
                timedOut = true;
                String left = settle.backlog() == null ? "an unknown number of" : Long.toString(settle.backlog());
                repairNote = "the repair loop had not settled at the timeout (" + left
                        + " record(s) still queued): these counts are partial";
                repairsTimedOut = "run-watcher: timed out after " + options.timeoutSeconds()
                        + "s while the repair loop was still working (" + left + " record(s) queued);"
                        + " see the feedback-service log";
            }
            tally = RunTally.between(baseline, current);
        }

        long seconds = (clock.millis() - start) / 1000;
        out.print(RunSummary.render(tally, options.expect(), seconds, timedOut, options.dlqHint(), repairNote));
        out.print(new SettingsSummary(KnownSettings.standard()).render(baseline.stats(), current.stats()));
        out.flush();
        if (repairsTimedOut != null) {
            err.println(repairsTimedOut);
            return REPAIRS_UNSETTLED;
        }
        if (timedOut) {
            err.println("run-watcher: timed out after " + options.timeoutSeconds() + "s with " + tally.done()
                    + " of " + options.expect() + " tasks done; the others may still be running"
                    + " (slow model?) or were lost; see the service logs");
            return FAILED;
        }
        if (problem != null) {
            err.println("run-watcher: " + problem);
            return FAILED;
        }
        return OK;
    }

    private record Settle(RunSnapshot snapshot, Long backlog, boolean timedOut, String problem) {
    }

    /**
     * After every task is done: polls until the repair loop has settled, that is the backlog
     * command printed 0 on two polls in a row and the stats did not change between them (a
     * failure being repaired is not committed yet, so it counts in the backlog); or until the
     * run's timeout, or until the filter stays silent.
     */
    private Settle settleRepairs(RunSnapshot baseline, RunSnapshot from, long start, long lastFilterAnswer)
            throws InterruptedException {
        long intervalMs = Math.round(options.settleIntervalSeconds() * 1000);
        drawer.reset();
        RunSnapshot current = from;
        Long backlog = null;
        Long previousBacklog = null;
        JsonNode previousStats = null;
        String line = null;
        long key = 0;
        while (true) {
            Poll poll = poll(current);
            current = poll.snapshot();
            String backlogError = null;
            try {
                backlog = source.backlog();
            } catch (IOException e) {
                backlog = null;
                backlogError = "backlog unknown: " + describe(e);
            }
            long now = clock.millis();
            if (poll.statsError() == null) {
                lastFilterAnswer = now;
            } else if (now - lastFilterAnswer >= options.unreachableSeconds() * 1000L) {
                drawer.finish(line == null ? "repairs: ?" : line, key);
                return new Settle(current, backlog, false, "the filter-service at " + options.filter()
                        + " has not answered for " + options.unreachableSeconds() + "s (" + poll.statsError() + ")");
            }
            RunTally tally = RunTally.between(baseline, current);
            line = RunSummary.repairProgress(tally, backlog, (now - start) / 1000);
            key = Objects.hash(tally.repairsMadeOrGraded(), tally.repairsTotal(), backlog);
            String warning = poll.statsError() != null ? "filter not answering: " + poll.statsError() : backlogError;
            drawer.show(line, key, warning);
            boolean quiet = backlog != null && backlog == 0 && previousBacklog != null && previousBacklog == 0
                    && poll.statsError() == null && current.stats().equals(previousStats);
            if (quiet) {
                drawer.finish(line, key);
                return new Settle(current, 0L, false, null);
            }
            if (now - start >= options.timeoutSeconds() * 1000L) {
                drawer.finish(line, key);
                return new Settle(current, backlog, true, null);
            }
            previousBacklog = backlog;
            previousStats = poll.statsError() == null ? current.stats() : null;
            clock.sleep(intervalMs);
        }
    }

    /** A baseline with every part still unknown taken from {@code first}. */
    private static RunSnapshot fill(RunSnapshot baseline, RunSnapshot first) {
        RunSnapshot filled = baseline;
        if (!filled.hasStats() && first.hasStats()) {
            filled = filled.withStats(first.stats());
        }
        if (filled.generatorMetrics() == null && first.generatorMetrics() != null) {
            filled = filled.withGeneratorMetrics(first.generatorMetrics());
        }
        if (filled.filterMetrics() == null && first.filterMetrics() != null) {
            filled = filled.withFilterMetrics(first.filterMetrics());
        }
        if (filled.feedbackMetrics() == null && first.feedbackMetrics() != null) {
            filled = filled.withFeedbackMetrics(first.feedbackMetrics());
        }
        return filled;
    }

    private record Poll(RunSnapshot snapshot, String statsError) {
    }

    /** One round of requests; what does not answer keeps its previous value. */
    private Poll poll(RunSnapshot previous) throws InterruptedException {
        RunSnapshot next = previous;
        String statsError = null;
        try {
            JsonNode stats = RunSnapshot.parseStats(source.stats());
            if (stats.isObject()) {
                next = next.withStats(stats);
            } else {
                statsError = "no stats in the answer";
            }
        } catch (IOException e) {
            statsError = describe(e);
        }
        try {
            next = next.withGeneratorMetrics(RunMetrics.parse(source.generatorMetrics()));
        } catch (IOException e) {
            // keeps the last value; the summary says when it was never read
        }
        try {
            next = next.withFilterMetrics(RunMetrics.parse(source.filterMetrics()));
        } catch (IOException e) {
            // as above
        }
        try {
            next = next.withFeedbackMetrics(RunMetrics.parse(source.feedbackMetrics()));
        } catch (IOException e) {
            // as above
        }
        return new Poll(next, statsError);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static final Duration BACKLOG_COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /** Runs {@code command} with {@code sh -c} and reads the number on its last output line. */
    static long runBacklogCommand(String command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("itera-backlog", ".txt");
        try {
            Process process = new ProcessBuilder("sh", "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("the backlog command did not finish within " + timeout.toSeconds() + "s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("the backlog command exited with status " + process.exitValue());
            }
            String last = "";
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    last = line.strip();
                }
            }
            try {
                long n = Long.parseLong(last);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IOException("the backlog command printed '" + last + "', not a count");
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

}
