package org.itera.cli;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.itera.core.run.RunIds;

/**
 * The options of {@link RunWatcher}: the run to follow ({@code --run}, its id on every task pushed)
 * and how many tasks were pushed for it; with {@code settle}, it then waits for the repair loop.
 */
public record RunOptions(
        URI filter,
        String run,
        int expect,
        boolean settle,
        int timeoutSeconds,
        double intervalSeconds,
        double settleIntervalSeconds,
        int unreachableSeconds,
        Progress progress,
        String dlqHint,
        boolean help) {

    public static final String DEFAULT_FILTER = "http://127.0.0.1:8082";

    /** How progress is drawn on stderr: redrawn in place, one line per change, or not at all. */
    public enum Progress { AUTO, TTY, LINES, NONE }

    static final String HELP = """
            Usage: run-watcher --run ID --expect N [options]

            Follows one run of Itera through filter-service's GET /runs/ID (every task of the run
            carries its id), draws progress on stderr, and when every task is graded or
            dead-lettered (or on the timeout) prints a summary of the run on stdout: accuracy per
            subject and split, library entries added by role and origin, failures sent to repair,
            repairs (repaired, rescued, exhausted, rescue rate by subject and role), tasks that
            failed to run.

            With --settle it then waits for the repair loop before the summary: until no task of
            the run waits for a repair and two polls in a row answer the same.

            Options:
              --run ID                            the run's id (required)
              --expect N                          tasks pushed for this run (required)
              --filter URL                        filter-service; default http://127.0.0.1:8082
              --settle                            wait for the repair loop to settle
              --timeout SECONDS                   give up after this long (tasks and repairs
                                                  together); default 900
              --interval SECONDS                  time between polls; default 2
              --settle-interval SECONDS           time between polls while the repair loop
                                                  settles; default: --interval
              --unreachable SECONDS               give up when the filter does not answer for
                                                  this long; default 60
              --progress auto|tty|lines|none      how to draw progress; default auto
              --dlq-hint TEXT                     a line shown when tasks failed to run
              -h, --help                          print this text

            Exit status: 0 done, 1 timed out before every task was graded or the filter stopped
            answering, 4 every task graded but the repair loop still working at the timeout,
            64 wrong usage.
            """;

    public static RunOptions parse(String[] args) throws UsageException {
        URI filter = URI.create(DEFAULT_FILTER);
        String run = null;
        Integer expect = null;
        boolean settle = false;
        int timeout = 900;
        double interval = 2;
        Double settleInterval = null;
        int unreachable = 60;
        Progress progress = Progress.AUTO;
        String dlqHint = null;
        boolean help = false;
        ArgCursor cursor = new ArgCursor(args);
        while (cursor.hasNext()) {
            String arg = cursor.next();
            switch (cursor.name(arg)) {
                case "--run" -> run = cursor.value(arg).strip();
                case "--expect" -> expect = cursor.intValue(arg, 0);
                case "--filter" -> filter = url(cursor.name(arg), cursor.value(arg));
                case "--settle" -> settle = cursor.flag(arg);
                case "--timeout" -> timeout = cursor.intValue(arg, 1);
                case "--interval" -> interval = seconds(cursor.name(arg), cursor.value(arg));
                case "--settle-interval" -> settleInterval = seconds(cursor.name(arg), cursor.value(arg));
                case "--unreachable" -> unreachable = cursor.intValue(arg, 1);
                case "--progress" -> progress = progress(cursor.value(arg));
                case "--dlq-hint" -> dlqHint = cursor.value(arg);
                case "--help", "-h" -> help = cursor.flag(arg);
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (!help) {
            require(run != null, "--run is required");
            Optional<String> badRun = RunIds.problem(run);
            require(badRun.isEmpty(), "--run: " + badRun.orElse(""));
            require(expect != null, "--expect is required");
        }
        return new RunOptions(filter, run, expect == null ? 0 : expect, settle, timeout, interval,
                settleInterval == null ? interval : settleInterval, unreachable, progress, dlqHint, help);
    }

    private static void require(boolean condition, String message) throws UsageException {
        if (!condition) {
            throw new UsageException(message);
        }
    }

    /** The URL with {@code path} appended, e.g. {@code http://127.0.0.1:8082/library/stats}. */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }

    private static URI url(String name, String value) throws UsageException {
        try {
            URI uri = URI.create(value.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not http");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " needs an http:// URL, not '" + value + "'");
        }
    }

    private static double seconds(String name, String value) throws UsageException {
        try {
            double s = Double.parseDouble(value.strip());
            if (!(s >= 0.05 && s <= 3600)) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number of seconds (0.05 to 3600), not '" + value + "'");
        }
    }

    private static Progress progress(String value) throws UsageException {
        try {
            return Progress.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--progress must be auto, tty, lines or none, not '" + value + "'");
        }
    }
}
