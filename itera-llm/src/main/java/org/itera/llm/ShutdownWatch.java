package org.itera.llm;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a message handler whether its work was cut short by the service's shutdown (its thread
 * interrupted after the worker pool's grace period), so that it leaves the message unacknowledged
 * for redelivery instead of sending it to the dead-letter topic.
 */
@ApplicationScoped
public class ShutdownWatch {

    private final AtomicBoolean stopping = new AtomicBoolean();

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    /** True when the service is stopping and {@code error} comes from an interrupted call. */
    public boolean cutShort(Throwable error) {
        return stopping.get() && RetryPolicy.isInterruption(error);
    }
}
