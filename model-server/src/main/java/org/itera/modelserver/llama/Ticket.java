package org.itera.modelserver.llama;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** Admission of one request (of {@code permits} sequences) to a model; closing it frees the place. */
public final class Ticket implements AutoCloseable {

    private final Semaphore admission;
    private final int permits;
    private final AtomicBoolean released = new AtomicBoolean();

    Ticket(Semaphore admission, int permits) {
        this.admission = admission;
        this.permits = permits;
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            admission.release(permits);
        }
    }
}
