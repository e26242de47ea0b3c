package org.itera.cli.stack;

import java.io.PrintStream;

/**
 * Progress of a wait with a deadline, on stderr: a bar of the time used out of the time allowed,
 * redrawn in place on a terminal, else a line every ten seconds. {@link #NONE} draws nothing.
 */
public class WaitProgress {

    public static final WaitProgress NONE = new WaitProgress(null, false);
    private static final int WIDTH = 20;
    private static final long LINE_EVERY_MILLIS = 10_000;

    private final PrintStream out;
    private final boolean tty;
    private String what = "";
    private long timeoutMillis;
    private long lastLine;
    private boolean drawn;

    public WaitProgress(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    public static WaitProgress onStderr() {
        return new WaitProgress(System.err, System.console() != null);
    }

    public void begin(String what, long timeoutMillis) {
        this.what = what;
        this.timeoutMillis = Math.max(1, timeoutMillis);
        this.lastLine = 0;
        this.drawn = false;
    }

    public void update(long elapsedMillis) {
        if (out == null) {
            return;
        }
        if (tty) {
            out.print("\r" + bar(elapsedMillis, timeoutMillis) + " " + what + " " + elapsedMillis / 1000 + "s");
            out.flush();
            drawn = true;
        } else if (elapsedMillis - lastLine >= LINE_EVERY_MILLIS) {
            lastLine = elapsedMillis;
            out.println(what + ": still waiting (" + elapsedMillis / 1000 + "s of " + timeoutMillis / 1000 + "s)");
        }
    }

    public void end(String result) {
        if (out == null) {
            return;
        }
        if (drawn) {
            out.print("\r\033[K");
        }
        out.println(what + ": " + result);
    }

    static String bar(long elapsed, long total) {
        int filled = (int) Math.min(WIDTH, elapsed * WIDTH / Math.max(1, total));
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }
}
