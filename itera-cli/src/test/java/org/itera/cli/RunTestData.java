package org.itera.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Stats JSON and metrics text shaped like what the services answer. */
final class RunTestData {

    private RunTestData() {
    }

    /** {@code /library/stats} for one subject, pubmedqa, with its two roles. */
    static String stats(long success, long failure, long train, long test, long analyst, long solver) {
        long total = success + failure;
        return """
                {"trajectories":{"total":%d,
                  "bySubject":{"pubmedqa":{"success":%d,"failure":%d}},
                  "byOutcome":{"success":%d,"failure":%d},
                  "byOrigin":{"generated":%d},
                  "bySplit":{"train":%d,"test":%d}},
                 "experience":{"total":%d,"bySubject":{"pubmedqa":%d},
                  "byRole":{"pubmedqa":{"analyst":%d,"solver":%d}},
                  "byOrigin":{"generated":%d}}}
                """.formatted(total, success, failure, success, failure, total, train, test,
                analyst + solver, analyst + solver, analyst, solver, analyst + solver);
    }

    /**
     * {@code /library/stats} for pubmedqa with the repair loop: {@code firstOk} and {@code firstBad}
     * first attempts (train), {@code repaired} repaired trajectories (the analyst repaired) of which
     * {@code rescued} were right, and {@code exhausted} tasks out of repairs. Every right train
     * trajectory adds one library entry per role, with its origin.
     */
    static String repairStats(long firstOk, long firstBad, long repaired, long rescued, long exhausted) {
        long total = firstOk + firstBad + repaired;
        long success = firstOk + rescued;
        long failure = total - success;
        long perRole = firstOk + rescued;
        return """
                {"trajectories":{"total":%d,
                  "bySubject":{"pubmedqa":{"success":%d,"failure":%d}},
                  "byOutcome":{"success":%d,"failure":%d},
                  "byOrigin":{"generated":%d,"regenerated":%d},
                  "bySplit":{"train":%d}},
                 "experience":{"total":%d,"bySubject":{"pubmedqa":%d},
                  "byRole":{"pubmedqa":{"analyst":%d,"solver":%d}},
                  "byOrigin":{"generated":%d,"regenerated":%d}},
                 "repairs":{"total":{"repaired":%d,"rescued":%d,"exhausted":%d,"rescueRate":%s},
                  "bySubject":{"pubmedqa":{"analyst":{"repaired":%d,"rescued":%d,"exhausted":%d,"rescueRate":%s}}}}}
                """.formatted(total, success, failure, success, failure, firstOk + firstBad, repaired, total,
                2 * perRole, 2 * perRole, perRole, perRole, 2 * firstOk, 2 * rescued,
                repaired, rescued, exhausted, rate(rescued, repaired), repaired, rescued, exhausted,
                rate(rescued, repaired));
    }

    private static String rate(long rescued, long repaired) {
        return repaired == 0 ? "0.0" : Double.toString((double) rescued / repaired);
    }

    /** The feedback-service's counter of repairs emitted on `regenerated`. */
    static String feedbackMetrics(long made) {
        StringBuilder text = new StringBuilder("# TYPE itera_repairs_made_total counter\n");
        if (made > 0) {
            text.append("itera_repairs_made_total{role=\"analyst\",subject=\"pubmedqa\"} ").append(made)
                    .append(".0\n");
        }
        return text.toString();
    }

    /** The filter's counters for {@link #repairStats}: train trajectories graded by origin and outcome. */
    static String repairFilterMetrics(long firstOk, long firstBad, long repaired, long rescued, long failures) {
        StringBuilder text = new StringBuilder("# TYPE itera_trajectories_graded_total counter\n");
        graded(text, "generated", "train", "success", firstOk);
        graded(text, "generated", "train", "failure", firstBad);
        graded(text, "regenerated", "train", "success", rescued);
        graded(text, "regenerated", "train", "failure", repaired - rescued);
        if (failures > 0) {
            text.append("itera_failures_emitted_total{subject=\"pubmedqa\"} ").append(failures).append(".0\n");
        }
        return text.toString();
    }

    static String emptyStats() {
        return """
                {"trajectories":{"total":0,"bySubject":{},"byOutcome":{},"byOrigin":{},"bySplit":{}},
                 "experience":{"total":0,"bySubject":{},"byRole":{},"byOrigin":{}}}
                """;
    }

    static String generatorMetrics(long failed, long rejected) {
        StringBuilder text = new StringBuilder("# TYPE itera_tasks_failed_total counter\n");
        if (failed > 0) {
            text.append("itera_tasks_failed_total{subject=\"pubmedqa\"} ").append(failed).append(".0\n");
        }
        if (rejected > 0) {
            text.append("itera_tasks_rejected_total{source=\"topic\"} ").append(rejected).append(".0\n");
        }
        return text.toString();
    }

    /** The filter's counters: graded by split and outcome, failures emitted, duplicates. */
    static String filterMetrics(long trainOk, long trainBad, long testOk, long testBad, long failures,
            long duplicates) {
        StringBuilder text = new StringBuilder("# TYPE itera_trajectories_graded_total counter\n");
        graded(text, "train", "success", trainOk);
        graded(text, "train", "failure", trainBad);
        graded(text, "test", "success", testOk);
        graded(text, "test", "failure", testBad);
        if (failures > 0) {
            text.append("itera_failures_emitted_total{subject=\"pubmedqa\"} ").append(failures).append(".0\n");
        }
        if (duplicates > 0) {
            text.append("itera_trajectories_duplicates_total ").append(duplicates).append(".0\n");
        }
        return text.toString();
    }

    private static void graded(StringBuilder text, String split, String outcome, long n) {
        graded(text, "generated", split, outcome, n);
    }

    private static void graded(StringBuilder text, String origin, String split, String outcome, long n) {
        if (n > 0) {
            text.append("itera_trajectories_graded_total{origin=\"").append(origin).append("\",outcome=\"")
                    .append(outcome)
                    .append("\",split=\"").append(split).append("\",subject=\"pubmedqa\"} ").append(n)
                    .append(".0\n");
        }
    }

    static RunSnapshot snapshot(String stats, String generator, String filter) {
        return snapshot(stats, generator, filter, null);
    }

    static RunSnapshot snapshot(String stats, String generator, String filter, String feedback) {
        try {
            return new RunSnapshot(RunSnapshot.parseStats(stats),
                    generator == null ? null : RunMetrics.parse(generator),
                    filter == null ? null : RunMetrics.parse(filter),
                    feedback == null ? null : RunMetrics.parse(feedback));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
