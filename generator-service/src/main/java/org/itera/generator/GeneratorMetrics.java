package org.itera.generator;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.itera.core.event.TaskEvent;

/** Prometheus meters of the generator: tasks received, rejected, failed, run, and in flight. */
@ApplicationScoped
public class GeneratorMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public GeneratorMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("itera.tasks.in.flight", inFlight);
    }

    public void rejected(String source) {
        registry.counter("itera.tasks.rejected", "source", source).increment();
    }

    void started(TaskEvent task) {
        inFlight.incrementAndGet();
        registry.counter("itera.tasks.received", "subject", task.subject()).increment();
    }

    void generated(TaskEvent task) {
        registry.counter("itera.trajectories.generated", "subject", task.subject(), "split", task.split()).increment();
    }

    void failedToRun(TaskEvent task) {
        registry.counter("itera.tasks.failed", "subject", task.subject()).increment();
    }

    void finished() {
        inFlight.decrementAndGet();
    }
}
