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
 * @param experienceAddedByOrigin library entries added in this run by origin ({@code generated},
 *                         {@code regenerated}); empty when the stats do not break entries down by origin
 * @param originKnown      whether the stats break library entries down by origin
 * @param repairs          repair outcomes of this run, subject to repaired role (role {@code none}:
 *                         a task exhausted without any repair), from the stats' {@code repairs} section
 * @param repairsTotal     repair outcomes of this run, every subject and role
 * @param repairsKnown     whether the stats have a {@code repairs} section
 * @param repairsMade      repaired trajectories the feedback-service emitted on {@code regenerated}
 * @param repairsMadeKnown whether the feedback-service's counters could be read
 * @param firstAttempts    first attempts ({@code origin=generated}) graded in this run by split;
 *                         empty when the filter's counters are unknown
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
        boolean generatorKnown,
        Map<String, Long> experienceAddedByOrigin,
        boolean originKnown,
        Map<String, Map<String, Repair>> repairs,
        Repair repairsTotal,
        boolean repairsKnown,
        long repairsMade,
        boolean repairsMadeKnown,
        Map<String, Outcome> firstAttempts) {

    static final String GRADED = "itera_trajectories_graded_total";
    static final String FAILURES = "itera_failures_emitted_total";
    static final String DUPLICATES = "itera_trajectories_duplicates_total";
    static final String TASKS_FAILED = "itera_tasks_failed_total";
    static final String TASKS_REJECTED = "itera_tasks_rejected_total";
    static final String REPAIRS_MADE = "itera_repairs_made_total";
    static final String ORIGIN_GENERATED = "generated";

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

    /**
     * Repair outcomes: regenerated trajectories graded ({@code repaired}), the correct ones among
     * them ({@code rescued}), and failed trajectories whose task ran out of repairs ({@code exhausted}).
     */
    public record Repair(long repaired, long rescued, long exhausted) {

        public static final Repair NONE = new Repair(0, 0, 0);

        public boolean isEmpty() {
            return repaired == 0 && rescued == 0 && exhausted == 0;
        }

        /** Rescued over repaired, 0 when nothing was repaired (as the filter's {@code rescueRate}). */
        public double rescueRate() {
            return repaired == 0 ? 0.0 : (double) rescued / repaired;
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
        Map<String, Outcome> firstAttempts = new TreeMap<>();
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
                    Outcome outcome = success ? new Outcome(n, 0) : new Outcome(0, n);
                    bySubjectSplit.computeIfAbsent(subject, k -> new TreeMap<>()).merge(split, outcome, Outcome::plus);
                    if (ORIGIN_GENERATED.equals(s.labels().get("origin"))) {
                        firstAttempts.merge(split, outcome, Outcome::plus);
                    }
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

        Map<String, Long> addedByOrigin = new TreeMap<>();
        for (String origin : now.keys("experience", "byOrigin")) {
            long d = delta(before, now, "experience", "byOrigin", origin);
            if (d > 0) {
                addedByOrigin.put(origin, d);
            }
        }
        boolean originKnown = now.has("experience", "byOrigin");

        Map<String, Map<String, Repair>> repairs = new TreeMap<>();
        for (String subject : now.keys("repairs", "bySubject")) {
            for (String role : now.keys("repairs", "bySubject", subject)) {
                Repair r = repairDelta(before, now, "repairs", "bySubject", subject, role);
                if (!r.isEmpty()) {
                    repairs.computeIfAbsent(subject, k -> new TreeMap<>()).put(role, r);
                }
            }
        }
        Repair repairsTotal = repairDelta(before, now, "repairs", "total");
        boolean repairsKnown = now.has("repairs");

        RunMetrics feedbackNow = now.feedbackMetrics();
        RunMetrics feedbackBefore = before.feedbackMetrics();
        boolean madeKnown = feedbackNow != null && feedbackBefore != null;
        long made = madeKnown ? Math.round(feedbackNow.increaseSince(feedbackBefore, REPAIRS_MADE)) : 0;

        return new RunTally(bySubject, graded, regenerated, bySplit, bySubjectSplit, added, total,
                failures, filterKnown, failedToRun, rejected, duplicates, generatorKnown,
                addedByOrigin, originKnown, repairs, repairsTotal, repairsKnown, made, madeKnown,
                firstAttempts);
    }

    private static Repair repairDelta(RunSnapshot before, RunSnapshot now, String... path) {
        return new Repair(delta(before, now, append(path, "repaired")), delta(before, now, append(path, "rescued")),
                delta(before, now, append(path, "exhausted")));
    }

    private static String[] append(String[] path, String last) {
        String[] longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
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

    /** Repairs made so far: the feedback-service's count when known, else the graded repaired trajectories. */
    public long repairsMadeOrGraded() {
        return repairsMadeKnown ? repairsMade : repairsTotal.repaired();
    }

    /** First attempts of train tasks graded in this run; {@link Outcome#NONE} when unknown. */
    public Outcome firstAttemptsTrain() {
        return firstAttempts.getOrDefault("train", Outcome.NONE);
    }

    /**
     * Correct first attempts graded in this run: from the filter's counters when known, else every
     * correct trajectory (repaired ones too, as the stats do not tell them apart by subject).
     */
    public long firstAttemptsCorrect() {
        return failuresExact ? firstAttempts.values().stream().mapToLong(Outcome::success).sum()
                : overall().success();
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
