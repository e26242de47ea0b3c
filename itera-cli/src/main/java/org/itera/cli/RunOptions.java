package org.itera.cli;

import java.net.URI;

/**
 * The options of {@link RunWatcher} (parsed by {@link WatchCommand} or set by {@code itera run}): the run to follow ({@code --run}, its id on every task pushed)
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
        String dlqHint) {

    public static final String DEFAULT_FILTER = "http://127.0.0.1:8082";

    /** How progress is drawn on stderr: redrawn in place, one line per change, or not at all. */
    public enum Progress { AUTO, TTY, LINES, NONE }
}
