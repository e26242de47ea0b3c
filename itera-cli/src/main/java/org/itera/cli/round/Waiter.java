package org.itera.cli.round;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.itera.cli.Clock;

/** Polls until a condition gives a value, up to a deadline, saying now and then that it waits. */
final class Waiter {

    /** One poll: empty while not there yet. */
    interface Poll<T> {
        Optional<T> check() throws IOException, InterruptedException;
    }

    private static final long NOTE_EVERY_MILLIS = 60_000;

    private final Clock clock;
    private final long timeoutMillis;
    private final long pollMillis;
    private final PrintStream err;
    private final boolean tty;

    Waiter(Clock clock, long timeoutMillis, long pollMillis, PrintStream err) {
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.pollMillis = pollMillis;
        this.err = err;
        this.tty = err == System.err && System.console() != null;
    }

    <T> T until(String what, Poll<T> poll) throws IOException, InterruptedException {
        return until(what, poll, () -> "");
    }

    /**
     * As {@link #until(String, Poll)}, showing {@code status} (e.g. "12/40 graded") as it goes: a bar
     * redrawn in place on a terminal, else a line a minute.
     */
    <T> T until(String what, Poll<T> poll, java.util.function.Supplier<String> status)
            throws IOException, InterruptedException {
        long start = clock.millis();
        long nextNote = start + NOTE_EVERY_MILLIS;
        boolean drawn = false;
        try {
            while (true) {
                Optional<T> value = poll.check();
                if (value.isPresent()) {
                    return value.get();
                }
                long now = clock.millis();
                if (now - start >= timeoutMillis) {
                    throw new RoundFailure("gave up waiting for " + what + " after " + timeoutMillis / 1000 + "s");
                }
                String note = "waiting for " + what + " (" + (now - start) / 1000 + "s" + detail(status.get()) + ")";
                if (tty) {
                    err.print("\r\033[K  " + note);
                    err.flush();
                    drawn = true;
                } else if (now >= nextNote) {
                    err.println("  " + note);
                    nextNote = now + NOTE_EVERY_MILLIS;
                }
                clock.sleep(pollMillis);
            }
        } finally {
            if (drawn) {
                err.println();
            }
        }
    }

    private static String detail(String status) {
        return status == null || status.isEmpty() ? "" : ", " + status;
    }
}
