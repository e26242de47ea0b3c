package org.itera.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr, e.g. {@code [#########.....]  45/100 sent  12.3/s}. On a terminal it is
 * redrawn in place with a carriage return on every step; otherwise (a log file, CI) one line is
 * printed each time another tenth of the work is done. Safe to call from the producer's thread.
 */
public final class ProgressBar implements PublishListener {

    static final int WIDTH = 30;

    private final int total;
    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private final long start;
    private int done;
    private int failed;
    private int lastTenth;
    private int printedAt = -1;
    private boolean finished;

    public ProgressBar(int total, PrintStream out, boolean interactive, LongSupplier nanoTime) {
        this.total = total;
        this.out = out;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** A bar on {@code out} that redraws in place when {@code out} is stderr and there is a console. */
    public static ProgressBar on(PrintStream out, int total) {
        boolean terminal = out == System.err && System.console() != null;
        return new ProgressBar(total, out, terminal, System::nanoTime);
    }

    @Override
    public synchronized void sent() {
        done++;
        draw();
    }

    @Override
    public synchronized void failed() {
        done++;
        failed++;
        draw();
    }

    /** Ends the bar: the last state is shown and the terminal line is closed. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (interactive) {
            out.print("\r" + render() + "\n");
        } else if (printedAt != done) {
            out.println(render());
        }
        out.flush();
    }

    /** The bar as it stands now. */
    public synchronized String render() {
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        return render(done - failed, failed, total, seconds);
    }

    /** One rendering of the bar; {@code sent} and {@code failed} together fill it. */
    static String render(int sent, int failed, int total, double seconds) {
        int filled = total <= 0 ? WIDTH : (int) ((long) (sent + failed) * WIDTH / total);
        double rate = seconds > 0 ? (sent + failed) / seconds : 0;
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled))
                .append(".".repeat(WIDTH - filled))
                .append("] ")
                .append(String.format(Locale.ROOT, "%" + digits(total) + "d/%d sent  %.1f/s",
                        sent, total, rate));
        if (failed > 0) {
            line.append("  ").append(failed).append(" failed");
        }
        return line.toString();
    }

    private void draw() {
        if (finished) {
            return;
        }
        if (interactive) {
            out.print("\r" + render());
            out.flush();
            return;
        }
        int tenth = total <= 0 ? 10 : (int) ((long) done * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            printedAt = done;
            out.println(render());
        }
    }

    private static int digits(int n) {
        return Integer.toString(Math.max(n, 0)).length();
    }
}
