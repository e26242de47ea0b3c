package org.itera.filter;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TrajectoryEvent;

/**
 * Prometheus meters of the filter: trajectories graded, library entries, failures, duplicates, and
 * the outcome of repairs (rescued or still wrong, by repaired role) and of exhausted repair budgets.
 */
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

    /** A regenerated trajectory was graded: its repair rescued the task or left it wrong. */
    void repairGraded(TrajectoryEvent trajectory, boolean correct) {
        registry.counter("itera.repairs.graded", "subject", trajectory.task().subject(),
                "role", repairedRole(trajectory), "outcome", correct ? "rescued" : "still_wrong").increment();
    }

    /** A failed trajectory was not sent for repair because its task used up the repair budget. */
    void repairsExhausted(TrajectoryEvent trajectory) {
        registry.counter("itera.repairs.exhausted", "subject", trajectory.task().subject(),
                "role", repairedRole(trajectory)).increment();
    }

    void duplicateSkipped() {
        registry.counter("itera.trajectories.duplicates").increment();
    }

    private static String repairedRole(TrajectoryEvent trajectory) {
        return trajectory.repairedRole() == null ? "none" : trajectory.repairedRole();
    }
}
