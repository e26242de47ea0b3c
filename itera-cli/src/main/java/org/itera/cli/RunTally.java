package org.itera.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did, as the difference between two {@link RunSnapshot}s (before the tasks were
 * pushed, and now). Library counts come from {@code /library/stats}; the split of outcomes by
 * train/test, the failures sent to repair, duplicates, and the tasks that failed to run come from
 * the services' counters when both snapshots have them.
 *
 * @param bySubject        trajectories graded in this run, by subject (every origin)
 * @param graded           first attempts ({@code origin=generated}) graded in this run
 * @param regenerated      repaired trajectories ({@code origin=regenerated}) graded in this run
 * @param bySplit          trajectories graded in this run by split, every subject together
 * @param bySubjectSplit   subject to split to outcome; empty when the filter's counters are unknown
 * @param experienceAdded  library entries added in this run, subject to role
 * @param experienceTotal  library entries now, subject to role
 * @param failuresToRepair failed train trajectories sent on {@code failures}
 * @param failuresExact    whether {@code failuresToRepair} was counted (else estimated from the library)
 * @param failedToRun      tasks whose team run failed for good, by subject (they went to tasks-dlq)
 * @param rejected         tasks the generator rejected as invalid (also on tasks-dlq)
 * @param duplicates       trajectories the filter had already filed (a task pushed again)
 * @param generatorKnown   whether the generator's counters could be read
 */
public record RunTally(
        Map<String, Outcome> bySubject,
        long graded,
        long regenerated,
        Map<String, Long> bySplit,
        Map<String, Map<String, Outcome>> bySubjectSplit,
        Map<String, Map<String, Long>> experienceAdded,
        Map<String, Map<String, Long>> experienceTotal,
        long failuresToRepair,
        boolean failuresExact,
        Map<String, Long> failedToRun,
        long rejected,
        long duplicates,
        boolean generatorKnown) {

    static final String GRADED = "itera_trajectories_graded_total";
    static final String FAILURES = "itera_failures_emitted_total";
    static final String DUPLICATES = "itera_trajectories_duplicates_total";
    static final String TASKS_FAILED = "itera_tasks_failed_total";
    static final String TASKS_REJECTED = "itera_tasks_rejected_total";

    /** Correct and incorrect graded trajectories. */
    public record Outcome(long success, long failure) {

        public static final Outcome NONE = new Outcome(0, 0);

        public long graded() {
            return success + failure;
        }

        Outcome plus(Outcome other) {
            return new Outcome(success + other.success, failure + other.failure);
        }
    }

    public static RunTally between(RunSnapshot before, RunSnapshot now) {
        Map<String, Outcome> bySubject = new TreeMap<>();
        for (String subject : now.keys("trajectories", "bySubject")) {
            Outcome outcome = new Outcome(
                    delta(before, now, "trajectories", "bySubject", subject, "success"),
                    delta(before, now, "trajectories", "bySubject", subject, "failure"));
            if (outcome.graded() > 0) {
                bySubject.put(subject, outcome);
            }
        }
        long graded = now.has("trajectories", "byOrigin")
                ? delta(before, now, "trajectories", "byOrigin", "generated")
                : delta(before, now, "trajectories", "total");
        long regenerated = delta(before, now, "trajectories", "byOrigin", "regenerated");

        Map<String, Long> bySplit = new TreeMap<>();
        for (String split : now.keys("trajectories", "bySplit")) {
            long n = delta(before, now, "trajectories", "bySplit", split);
            if (n > 0) {
                bySplit.put(split, n);
            }
        }

        Map<String, Map<String, Long>> added = new TreeMap<>();
        Map<String, Map<String, Long>> total = new TreeMap<>();
        for (String subject : now.keys("experience", "byRole")) {
            for (Map.Entry<String, Long> role : now.counts("experience", "byRole", subject).entrySet()) {
                total.computeIfAbsent(subject, k -> new TreeMap<>()).put(role.getKey(), role.getValue());
                long d = delta(before, now, "experience", "byRole", subject, role.getKey());
                if (d > 0) {
                    added.computeIfAbsent(subject, k -> new TreeMap<>()).put(role.getKey(), d);
                }
            }
        }

        RunMetrics filterNow = now.filterMetrics();
        RunMetrics filterBefore = before.filterMetrics();
        boolean filterKnown = filterNow != null && filterBefore != null;
        Map<String, Map<String, Outcome>> bySubjectSplit = new TreeMap<>();
        long failures;
        long duplicates = 0;
        if (filterKnown) {
            for (RunMetrics.Sample s : filterNow.samples()) {
                if (!s.name().equals(GRADED)) {
                    continue;
                }
                String subject = s.labels().getOrDefault("subject", "none");
                String split = s.labels().getOrDefault("split", "none");
                boolean success = "success".equals(s.labels().get("outcome"));
                long n = Math.round(filterNow.increaseSince(filterBefore, GRADED, s.labels()::equals));
                if (n > 0) {
                    bySubjectSplit.computeIfAbsent(subject, k -> new TreeMap<>())
                            .merge(split, success ? new Outcome(n, 0) : new Outcome(0, n), Outcome::plus);
                }
            }
            failures = Math.round(filterNow.increaseSince(filterBefore, FAILURES));
            duplicates = Math.round(filterNow.increaseSince(filterBefore, DUPLICATES));
        } else {
            failures = estimateTrainFailures(bySplit, added);
        }

        RunMetrics generatorNow = now.generatorMetrics();
        RunMetrics generatorBefore = before.generatorMetrics();
        boolean generatorKnown = generatorNow != null && generatorBefore != null;
        Map<String, Long> failedToRun = new TreeMap<>();
        long rejected = 0;
        if (generatorKnown) {
            generatorNow.increaseBy(generatorBefore, TASKS_FAILED, "subject").forEach((subject, n) -> {
                if (Math.round(n) > 0) {
                    failedToRun.put(subject, Math.round(n));
                }
            });
            rejected = Math.round(generatorNow.increaseSince(generatorBefore, TASKS_REJECTED));
        }
        return new RunTally(bySubject, graded, regenerated, bySplit, bySubjectSplit, added, total,
                failures, filterKnown, failedToRun, rejected, duplicates, generatorKnown);
    }

    /**
     * Without the filter's counters: every successful train trajectory adds one library entry per
     * role, so the role with most new entries counts the train successes of its subject.
     */
    private static long estimateTrainFailures(Map<String, Long> bySplit, Map<String, Map<String, Long>> added) {
        long trainSuccesses = 0;
        for (Map<String, Long> roles : added.values()) {
            trainSuccesses += roles.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        return Math.max(0, bySplit.getOrDefault("train", 0L) - trainSuccesses);
    }

    private static long delta(RunSnapshot before, RunSnapshot now, String... path) {
        return Math.max(0, now.count(path) - before.count(path));
    }

    /** Trajectories graded in this run, every subject and origin. */
    public Outcome overall() {
        return bySubject.values().stream().reduce(Outcome.NONE, Outcome::plus);
    }

    public long failedToRunTotal() {
        return failedToRun.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Tasks of this run that are finished one way or another. */
    public long done() {
        return graded + duplicates + failedToRunTotal() + rejected;
    }

    public long experienceAddedTotal() {
        return sumAll(experienceAdded);
    }

    public long experienceTotalAll() {
        return sumAll(experienceTotal);
    }

    private static long sumAll(Map<String, Map<String, Long>> nested) {
        return nested.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }
}
