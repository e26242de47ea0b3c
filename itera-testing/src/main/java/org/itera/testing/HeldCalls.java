package org.itera.testing;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;

/**
 * Chat calls held open on the mock until the test lets them go, counted while open: a test of a
 * concurrency limit holds the calls, waits until the limit is open at once, checks no more come,
 * and then releases them, whatever the machine's speed. A WireMock extension that applies only to
 * the stubs {@link OpenAiMock#holdWhen} makes; {@link OpenAiMockResource} registers it.
 */
public final class HeldCalls implements ResponseTransformerV2 {

    static final String NAME = "itera-held-calls";
    /** The longest a call is held, so that a test that never releases does not hang its service. */
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(5);

    private int open;
    private int mostOpen;
    private int arrived;
    private boolean holding;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        synchronized (this) {
            open++;
            arrived++;
            mostOpen = Math.max(mostOpen, open);
            notifyAll();
            long deadline = System.nanoTime() + LONGEST_HOLD.toNanos();
            try {
                while (holding && System.nanoTime() < deadline) {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open--;
                notifyAll();
            }
        }
        return response;
    }

    /** From now on the calls are held until {@link #release}; the counts start again from zero. */
    synchronized void hold() {
        holding = true;
        open = 0;
        mostOpen = 0;
        arrived = 0;
    }

    /** Lets the held calls answer, and every later one at once (still counted). */
    public synchronized void release() {
        holding = false;
        notifyAll();
    }

    /** Calls being served right now. */
    public synchronized int open() {
        return open;
    }

    /** The most calls that were open at the same moment since {@link OpenAiMock#holdWhen}. */
    public synchronized int mostOpen() {
        return mostOpen;
    }

    /** Calls that arrived since {@link OpenAiMock#holdWhen}. */
    public synchronized int arrived() {
        return arrived;
    }

    /**
     * Waits until {@code count} calls are open at once, at most {@code timeout} (a bound on a stuck
     * service, not on its speed); returns how many are open then, fewer on timeout.
     */
    public synchronized int awaitOpen(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open < count && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return open;
    }
}
