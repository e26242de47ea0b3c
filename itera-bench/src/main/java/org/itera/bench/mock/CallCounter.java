package org.itera.bench.mock;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Calls answered, calls in flight now and the most in flight at once since the last reset. */
public final class CallCounter {

    private final AtomicLong answered = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public void started() {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    public void finished() {
        inFlight.decrementAndGet();
        answered.incrementAndGet();
    }

    /** Forgets the peak and the count (calls in flight stay counted). */
    public void reset() {
        answered.set(0);
        peak.set(inFlight.get());
    }

    public long answered() {
        return answered.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int peak() {
        return peak.get();
    }

    public String json() {
        return "{\"answered\":" + answered() + ",\"inFlight\":" + inFlight() + ",\"peakInFlight\":" + peak() + "}";
    }
}
