package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did, read from filter-service's {@code GET /runs/{id}} (every count is of the run's
 * own documents) and, for the library's size, {@code GET /library/stats}.
 *
 * @param bySubject         trajectories graded in this run, by subject (every origin)
 * @param graded            first attempts ({@code origin=generated}) graded in this run
 * @param regenerated       repaired trajectories ({@code origin=regenerated}) graded in this run
 * @param bySplit           trajectories graded in this run by split, every subject together
 * @param bySubjectSplit    subject to split to outcome
 * @param experienceAdded   library entries added in this run, subject to role
 * @param experienceTotal   library entries now (every run), subject to role
 * @param failuresToRepair  failed train trajectories sent on {@code failures}
 * @param failedToRun       tasks dead-lettered on {@code tasks-dlq} (invalid, or their team run failed), by subject
 * @param experienceAddedByOrigin library entries added in this run by origin
 * @param repairs           repair outcomes of this run, subject to repaired role ({@code none}: a
 *                          task exhausted without any repair)
 * @param repairsTotal      repair outcomes of this run, every subject and role
 * @param firstAttempts     first attempts graded in this run by split
 * @param waitingForRepair  tasks whose last attempt failed and waits for a repair
 * @param repairLoopPaused  whether feedback-service's repair loop is paused (null: not known)
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
        Map<String, Long> failedToRun,
        Map<String, Long> experienceAddedByOrigin,
        Map<String, Map<String, Repair>> repairs,
        Repair repairsTotal,
        Map<String, Outcome> firstAttempts,
        long waitingForRepair,
        Boolean repairLoopPaused) {

    /** Correct and incorrect graded trajectories. */
    public record Outcome(long success, long failure) {

        public static final Outcome NONE = new Outcome(0, 0);

        public long graded() {
            return success + failure;
        }

        Outcome plus(Outcome other) {
            return new Outcome(success + other.success, failure + other.failure);
        }

        static Outcome of(JsonNode node) {
            return new Outcome(node.path("success").asLong(), node.path("failure").asLong());
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

        static Repair of(JsonNode node) {
            return new Repair(node.path("repaired").asLong(), node.path("rescued").asLong(),
                    node.path("exhausted").asLong());
        }
    }

    /** The tally of a {@code GET /runs/{id}} answer; {@code library} ({@code /library/stats}) may be missing. */
    public static RunTally of(JsonNode run, JsonNode library) {
        JsonNode trajectories = run.path("trajectories");
        Map<String, Map<String, Repair>> repairs = new TreeMap<>();
        fields(run.path("repairs").path("bySubject")).forEach((subject, roles) -> fields(roles).forEach((role, r) -> {
            if (!Repair.of(r).isEmpty()) {
                repairs.computeIfAbsent(subject, k -> new TreeMap<>()).put(role, Repair.of(r));
            }
        }));
        Map<String, Map<String, Outcome>> bySubjectSplit = new TreeMap<>();
        fields(trajectories.path("bySubjectSplit")).forEach((subject, splits) -> fields(splits)
                .forEach((split, o) -> bySubjectSplit.computeIfAbsent(subject, k -> new TreeMap<>())
                        .put(split, Outcome.of(o))));
        JsonNode paused = run.path("repairLoop").path("paused");
        JsonNode totals = library == null || library.path("experience").isMissingNode() ? run : library;
        return new RunTally(
                outcomes(trajectories.path("bySubject")),
                trajectories.path("byOrigin").path("generated").asLong(),
                trajectories.path("byOrigin").path("regenerated").asLong(),
                counts(trajectories.path("bySplit")),
                bySubjectSplit,
                nestedCounts(run.path("experience").path("byRole")),
                nestedCounts(totals.path("experience").path("byRole")),
                run.path("tasks").path("failuresSentToRepair").asLong(),
                counts(run.path("deadLetters").path("tasksBySubject")),
                counts(run.path("experience").path("byOrigin")),
                repairs,
                Repair.of(run.path("repairs").path("total")),
                outcomes(trajectories.path("firstAttemptsBySplit")),
                run.path("tasks").path("waitingForRepair").asLong(),
                paused.isBoolean() ? paused.asBoolean() : null);
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        fields(node).forEach((key, n) -> {
            if (n.asLong() > 0) {
                counts.put(key, n.asLong());
            }
        });
        return counts;
    }

    private static Map<String, Map<String, Long>> nestedCounts(JsonNode node) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        fields(node).forEach((key, inner) -> {
            Map<String, Long> innerCounts = counts(inner);
            if (!innerCounts.isEmpty()) {
                counts.put(key, innerCounts);
            }
        });
        return counts;
    }

    private static Map<String, Outcome> outcomes(JsonNode node) {
        Map<String, Outcome> outcomes = new TreeMap<>();
        fields(node).forEach((key, o) -> {
            if (Outcome.of(o).graded() > 0) {
                outcomes.put(key, Outcome.of(o));
            }
        });
        return outcomes;
    }

    /** Trajectories graded in this run, every subject and origin. */
    public Outcome overall() {
        return bySubject.values().stream().reduce(Outcome.NONE, Outcome::plus);
    }

    /** First attempts of train tasks graded in this run. */
    public Outcome firstAttemptsTrain() {
        return firstAttempts.getOrDefault("train", Outcome.NONE);
    }

    /** Correct first attempts graded in this run. */
    public long firstAttemptsCorrect() {
        return firstAttempts.values().stream().mapToLong(Outcome::success).sum();
    }

    public long failedToRunTotal() {
        return failedToRun.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Tasks of this run that are finished one way or another: graded, or dead-lettered. */
    public long done() {
        return graded + failedToRunTotal();
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
