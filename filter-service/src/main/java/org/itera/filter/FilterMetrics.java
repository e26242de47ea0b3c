package org.itera.filter;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TrajectoryEvent;

/** Prometheus meters of the filter: trajectories graded, library entries, failures, duplicates. */
@ApplicationScoped
public class FilterMetrics {

    private final MeterRegistry registry;

    public FilterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void graded(TrajectoryEvent trajectory, boolean correct) {
        registry.counter("itera.trajectories.graded", "subject", trajectory.task().subject(),
                "split", trajectory.task().split(), "origin", trajectory.origin(),
                "outcome", correct ? "success" : "failure").increment();
    }

    void libraryEntry(FinetuneRecord example) {
        registry.counter("itera.library.entries", "subject", example.subject(), "role", example.role(),
                "origin", example.origin()).increment();
    }

    void failureEmitted(TrajectoryEvent trajectory) {
        registry.counter("itera.failures.emitted", "subject", trajectory.task().subject()).increment();
    }

    void duplicateSkipped() {
        registry.counter("itera.trajectories.duplicates").increment();
    }
}
