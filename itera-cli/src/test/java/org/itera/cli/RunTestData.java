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
        if (n > 0) {
            text.append("itera_trajectories_graded_total{origin=\"generated\",outcome=\"").append(outcome)
                    .append("\",split=\"").append(split).append("\",subject=\"pubmedqa\"} ").append(n)
                    .append(".0\n");
        }
    }

    static RunSnapshot snapshot(String stats, String generator, String filter) {
        try {
            return new RunSnapshot(RunSnapshot.parseStats(stats),
                    generator == null ? null : RunMetrics.parse(generator),
                    filter == null ? null : RunMetrics.parse(filter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
