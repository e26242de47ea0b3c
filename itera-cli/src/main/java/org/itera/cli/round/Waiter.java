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

    Waiter(Clock clock, long timeoutMillis, long pollMillis, PrintStream err) {
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.pollMillis = pollMillis;
        this.err = err;
    }

    <T> T until(String what, Poll<T> poll) throws IOException, InterruptedException {
        long start = clock.millis();
        long nextNote = start + NOTE_EVERY_MILLIS;
        while (true) {
            Optional<T> value = poll.check();
            if (value.isPresent()) {
                return value.get();
            }
            long now = clock.millis();
            if (now - start >= timeoutMillis) {
                throw new RoundFailure("gave up waiting for " + what + " after " + timeoutMillis / 1000 + "s");
            }
            if (now >= nextNote) {
                err.println("  waiting for " + what + " (" + (now - start) / 1000 + "s)");
                nextNote = now + NOTE_EVERY_MILLIS;
            }
            clock.sleep(pollMillis);
        }
    }
}
