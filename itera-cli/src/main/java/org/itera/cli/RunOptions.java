package org.itera.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options of {@link RunWatcher}. The baseline files are null when not given; then the first
 * poll is taken as the baseline. {@code backlogCommand} is null when the watcher should not wait
 * for the repair loop.
 */
public record RunOptions(
        URI filter,
        URI generator,
        URI feedback,
        int expect,
        Path baseline,
        Path generatorMetricsBaseline,
        Path filterMetricsBaseline,
        Path feedbackMetricsBaseline,
        String backlogCommand,
        int timeoutSeconds,
        double intervalSeconds,
        double settleIntervalSeconds,
        int unreachableSeconds,
        Progress progress,
        String dlqHint,
        boolean help) {

    public static final String DEFAULT_FILTER = "http://127.0.0.1:8082";
    public static final String DEFAULT_GENERATOR = "http://127.0.0.1:8081";
    public static final String DEFAULT_FEEDBACK = "http://127.0.0.1:8083";

    /** How progress is drawn on stderr: redrawn in place, one line per change, or not at all. */
    public enum Progress { AUTO, TTY, LINES, NONE }

    static final String HELP = """
            Usage: run-watcher --expect N [options]

            Follows a run of Itera: polls the filter's /library/stats and the services' /q/metrics,
            draws progress on stderr, and when every task is graded or failed to run (or on the
            timeout) prints a summary of the run on stdout: accuracy per subject and split,
            library entries added by role and origin, failures sent to repair, repairs (repaired,
            rescued, exhausted, rescue rate by subject and role), tasks that failed to run.

            With --backlog-command it then waits for the repair loop to settle before the summary:
            until the command prints 0 (records on the topics that the services have not finished
            yet) twice in a row with the stats unchanged between the two polls.

            Options:
              --expect N                          tasks pushed for this run (required)
              --filter URL                        filter-service; default http://127.0.0.1:8082
              --generator URL                     generator-service; default http://127.0.0.1:8081
              --feedback URL                      feedback-service; default http://127.0.0.1:8083
              --baseline FILE                     GET /library/stats saved before the push
              --generator-metrics-baseline FILE   the generator's /q/metrics saved before the push
              --filter-metrics-baseline FILE      the filter's /q/metrics saved before the push
              --feedback-metrics-baseline FILE    the feedback-service's /q/metrics saved before
                                                  (any baseline not given is the first poll)
              --backlog-command CMD               a shell command printing the number of records
                                                  the pipeline has not finished; when given, wait
                                                  for the repair loop to settle (backlog 0)
              --timeout SECONDS                   give up after this long (tasks and repairs
                                                  together); default 900
              --interval SECONDS                  time between polls; default 2
              --settle-interval SECONDS           time between polls while the repair loop
                                                  settles (each runs the backlog command, which
                                                  may start a JVM); default: --interval
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
        URI generator = URI.create(DEFAULT_GENERATOR);
        URI feedback = URI.create(DEFAULT_FEEDBACK);
        Integer expect = null;
        Path baseline = null;
        Path generatorBaseline = null;
        Path filterBaseline = null;
        Path feedbackBaseline = null;
        String backlogCommand = null;
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
                case "--expect" -> expect = cursor.intValue(arg, 0);
                case "--filter" -> filter = url(cursor.name(arg), cursor.value(arg));
                case "--generator" -> generator = url(cursor.name(arg), cursor.value(arg));
                case "--feedback" -> feedback = url(cursor.name(arg), cursor.value(arg));
                case "--baseline" -> baseline = Path.of(cursor.value(arg));
                case "--generator-metrics-baseline" -> generatorBaseline = Path.of(cursor.value(arg));
                case "--filter-metrics-baseline" -> filterBaseline = Path.of(cursor.value(arg));
                case "--feedback-metrics-baseline" -> feedbackBaseline = Path.of(cursor.value(arg));
                case "--backlog-command" -> backlogCommand = cursor.value(arg).strip();
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
        if (!help && expect == null) {
            throw new UsageException("--expect is required");
        }
        return new RunOptions(filter, generator, feedback, expect == null ? 0 : expect, baseline,
                generatorBaseline, filterBaseline, feedbackBaseline, backlogCommand, timeout, interval,
                settleInterval == null ? interval : settleInterval, unreachable, progress, dlqHint, help);
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
