package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** Time, so tests need not wait. */
    interface Clock {
        long millis();

        void sleep(long millis) throws InterruptedException;
    }

    private static final Clock SYSTEM_CLOCK = new Clock() {
        @Override
        public long millis() {
            return System.nanoTime() / 1_000_000;
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };

    private final RunOptions options;
    private final Source source;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final Drawer drawer;

    RunWatcher(RunOptions options, Source source, Clock clock, PrintStream out, PrintStream err, boolean tty) {
        this.options = options;
        this.source = source;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.drawer = new Drawer(err, options.progress(), tty);
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
        RunWatcher watcher = new RunWatcher(options, new HttpSource(options), SYSTEM_CLOCK, out, err,
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
        out.flush();
        if (repairsTimedOut != null) {
            err.println(repairsTimedOut);
            return FAILED;
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
        long intervalMs = Math.round(options.intervalSeconds() * 1000);
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

    /** Draws the progress line on stderr: in place on a terminal, else one line per change. */
    static final class Drawer {

        private static final long QUIET_MS = 30_000;

        private final PrintStream err;
        private final RunOptions.Progress mode;
        private int lastLength;
        private long lastDone = -1;
        private long lastPrinted;
        private boolean open;

        Drawer(PrintStream err, RunOptions.Progress requested, boolean tty) {
            this.err = err;
            this.mode = requested == RunOptions.Progress.AUTO
                    ? (tty ? RunOptions.Progress.TTY : RunOptions.Progress.LINES)
                    : requested;
        }

        synchronized void show(String line, long done, String warning) {
            String text = warning == null ? line : line + "  [" + warning + "]";
            switch (mode) {
                case TTY -> {
                    err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
                    lastLength = text.length();
                    open = true;
                    err.flush();
                }
                case LINES -> {
                    long now = System.nanoTime() / 1_000_000;
                    if (done != lastDone || warning != null || now - lastPrinted >= QUIET_MS) {
                        err.println(text);
                        lastDone = done;
                        lastPrinted = now;
                    }
                }
                default -> {
                }
            }
        }

        synchronized void finish(String line, long done) {
            if (mode == RunOptions.Progress.TTY) {
                show(line, -1, null);
                err.println();
                open = false;
            } else if (mode == RunOptions.Progress.LINES && done != lastDone) {
                err.println(line);
            }
            err.flush();
        }

        /** Starts a new progress line (after {@link #finish}), e.g. for the repair loop. */
        synchronized void reset() {
            lastDone = -1;
            lastLength = 0;
            lastPrinted = 0;
        }

        /** On Ctrl-C: end the line being redrawn so the shell's messages start on their own. */
        synchronized void interrupted() {
            if (open) {
                err.println();
                err.flush();
                open = false;
            }
        }
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

    /** The services over HTTP. */
    static final class HttpSource implements Source {

        private final HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final URI stats;
        private final URI generatorMetrics;
        private final URI filterMetrics;
        private final URI feedbackMetrics;
        private final String backlogCommand;

        HttpSource(RunOptions options) {
            this.stats = RunOptions.resolve(options.filter(), "/library/stats");
            this.generatorMetrics = RunOptions.resolve(options.generator(), "/q/metrics");
            this.filterMetrics = RunOptions.resolve(options.filter(), "/q/metrics");
            this.feedbackMetrics = RunOptions.resolve(options.feedback(), "/q/metrics");
            this.backlogCommand = options.backlogCommand();
        }

        @Override
        public String stats() throws IOException, InterruptedException {
            return get(stats, "application/json");
        }

        @Override
        public String generatorMetrics() throws IOException, InterruptedException {
            return get(generatorMetrics, "text/plain");
        }

        @Override
        public String filterMetrics() throws IOException, InterruptedException {
            return get(filterMetrics, "text/plain");
        }

        @Override
        public String feedbackMetrics() throws IOException, InterruptedException {
            return get(feedbackMetrics, "text/plain");
        }

        /** Runs the backlog command with {@code sh -c}; its last output line is the number. */
        @Override
        public long backlog() throws IOException, InterruptedException {
            if (backlogCommand == null) {
                throw new IOException("no --backlog-command");
            }
            return runBacklogCommand(backlogCommand, BACKLOG_COMMAND_TIMEOUT);
        }

        private String get(URI uri, String accept) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", accept).GET().build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.net.ConnectException e) {
                throw new IOException("connection refused: " + uri, e);
            } catch (java.net.http.HttpTimeoutException e) {
                throw new IOException("no answer within the timeout: " + uri, e);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            return response.body();
        }
    }
}
