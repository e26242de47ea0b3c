package org.itera.cli;

import java.io.PrintStream;

/** Draws the progress line on stderr: in place on a terminal, else one line per change. */
final class RunProgressLine {

    private static final long QUIET_MS = 30_000;

    private final PrintStream err;
    private final RunOptions.Progress mode;
    private int lastLength;
    private long lastDone = -1;
    private long lastPrinted;
    private boolean open;

    RunProgressLine(PrintStream err, RunOptions.Progress requested, boolean tty) {
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
