package org.itera.filter.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /runs/{id}}: one run as the store knows it. Its tasks (see {@link RunTasks}), the
 * counts of {@code GET /library/stats} over the run's documents only (trajectories, library growth
 * by role and origin, repairs, each setting's counters and rates) and its dead letters with their
 * reasons; for a run that is a self-improvement round, its phase ({@link RunRound}). A run of which
 * nothing has been stored yet reports zeros.
 */
@ApplicationScoped
public class RunReport {

    private final RunTasks tasks;
    private final LibraryStats stats;
    private final DeadLetterStore deadLetters;
    private final RunRound round;

    public RunReport(RunTasks tasks, LibraryStats stats, DeadLetterStore deadLetters, RunRound round) {
        this.tasks = tasks;
        this.stats = stats;
        this.deadLetters = deadLetters;
        this.round = round;
    }

    public Map<String, Object> of(String runId) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run", runId);
        report.put("tasks", tasks.count(runId));
        report.putAll(stats.compute(Scope.run(runId)));
        report.put("deadLetters", deadLetters.report(runId));
        round.of(runId).ifPresent(phase -> report.put("round", phase));
        return report;
    }
}
