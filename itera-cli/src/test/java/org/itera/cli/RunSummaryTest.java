package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.cli.RunTestData.emptyStats;
import static org.itera.cli.RunTestData.feedbackMetrics;
import static org.itera.cli.RunTestData.filterMetrics;
import static org.itera.cli.RunTestData.generatorMetrics;
import static org.itera.cli.RunTestData.repairFilterMetrics;
import static org.itera.cli.RunTestData.repairStats;
import static org.itera.cli.RunTestData.snapshot;
import static org.itera.cli.RunTestData.stats;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    // an earlier run left 5 right, 5 wrong (train) and one task that failed to run
    private final RunSnapshot before = snapshot(stats(5, 5, 10, 0, 5, 5),
            generatorMetrics(1, 0), filterMetrics(5, 5, 0, 0, 5, 0));

    // this run: 16 train (10 right, 6 wrong), 4 test (3 right, 1 wrong), 2 failed to run
    private final RunSnapshot after = snapshot(stats(5 + 13, 5 + 7, 10 + 16, 4, 15, 15),
            generatorMetrics(3, 0), filterMetrics(15, 11, 3, 1, 11, 0));

    @Test
    void tallyIsTheDifferenceBetweenTheSnapshots() {
        RunTally t = RunTally.between(before, after);

        assertThat(t.graded()).isEqualTo(20);
        assertThat(t.bySubject()).containsExactly(Map.entry("pubmedqa", new RunTally.Outcome(13, 7)));
        assertThat(t.bySplit()).containsExactly(Map.entry("test", 4L), Map.entry("train", 16L));
        assertThat(t.bySubjectSplit().get("pubmedqa")).containsExactly(
                Map.entry("test", new RunTally.Outcome(3, 1)), Map.entry("train", new RunTally.Outcome(10, 6)));
        assertThat(t.experienceAdded()).isEqualTo(Map.of("pubmedqa", Map.of("analyst", 10L, "solver", 10L)));
        assertThat(t.experienceAddedTotal()).isEqualTo(20);
        assertThat(t.experienceTotalAll()).isEqualTo(30);
        assertThat(t.failuresToRepair()).isEqualTo(6);
        assertThat(t.failuresExact()).isTrue();
        assertThat(t.failedToRun()).containsExactly(Map.entry("pubmedqa", 2L));
        assertThat(t.done()).isEqualTo(22);
    }

    @Test
    void summaryShowsAccuracyPerSplitLibraryGrowthAndFailures() {
        String text = RunSummary.render(RunTally.between(before, after), 22, 75, false, "read them: X");

        assertThat(text).startsWith("Run summary: 22 of 22 tasks done in 1m15s\n"
                + "  graded 20, failed to run 2, rejected 0\n");
        assertThat(text).contains("""
                Accuracy of this run
                  subject   split  graded  correct  accuracy
                  pubmedqa  all        20       13     65.0%
                            test        4        3     75.0%
                            train      16       10     62.5%
                """);
        assertThat(text).contains("""
                Experience library (entries by role)
                  subject   role     added  total
                  pubmedqa  analyst    +10     15
                            solver     +10     15
                  all                  +20     30
                """);
        assertThat(text).contains("Failures sent to repair (train failures, topic `failures`): 6\n");
        assertThat(text).contains("Tasks that failed to run: 2 (pubmedqa 2)\n"
                + "  They are on the Kafka topic `tasks-dlq`, with the reason in the record header"
                + " `dead-letter-reason`.\n  read them: X\n");
    }

    @Test
    void withoutTheFilterCountersSplitsComeFromTheStatsAndRepairsAreEstimated() {
        RunSnapshot b = snapshot(stats(5, 5, 10, 0, 5, 5), null, null);
        RunSnapshot a = snapshot(stats(5 + 13, 5 + 7, 10 + 16, 4, 15, 15), null, null);

        RunTally t = RunTally.between(b, a);
        String text = RunSummary.render(t, 20, 10, false, null);

        // 16 train graded, 10 new entries per role: 10 train successes, so 6 train failures
        assertThat(t.failuresToRepair()).isEqualTo(6);
        assertThat(t.failuresExact()).isFalse();
        assertThat(text).contains("(every subject)  test        4        -         -");
        assertThat(text).contains("Failures sent to repair (train failures, topic `failures`): ~6 (estimated");
        assertThat(text).contains("Tasks that failed to run: unknown");
        assertThat(text).contains("failed to run ?, rejected ?");
    }

    @Test
    void nothingGradedAndEverythingFailedToRun() {
        RunSnapshot b = snapshot(emptyStats(), generatorMetrics(0, 0), filterMetrics(0, 0, 0, 0, 0, 0));
        RunSnapshot a = snapshot(emptyStats(), generatorMetrics(3, 0), filterMetrics(0, 0, 0, 0, 0, 0));

        RunTally t = RunTally.between(b, a);
        String text = RunSummary.render(t, 3, 40, false, null);

        assertThat(t.done()).isEqualTo(3);
        assertThat(text).contains("Accuracy of this run\n  nothing was graded\n");
        assertThat(text).contains("Experience library (entries by role)\n  empty\n");
        assertThat(text).contains("Failures sent to repair (train failures, topic `failures`): 0\n");
        assertThat(text).contains("Tasks that failed to run: 3 (pubmedqa 3)\n  They are on the Kafka topic `tasks-dlq`");
    }

    @Test
    void tasksPushedAgainCountAsDoneAndAreExplained() {
        RunSnapshot b = snapshot(stats(3, 1, 4, 0, 3, 3), generatorMetrics(0, 0), filterMetrics(3, 1, 0, 0, 1, 0));
        RunSnapshot a = snapshot(stats(3, 1, 4, 0, 3, 3), generatorMetrics(0, 0), filterMetrics(3, 1, 0, 0, 1, 4));

        RunTally t = RunTally.between(b, a);

        assertThat(t.graded()).isZero();
        assertThat(t.duplicates()).isEqualTo(4);
        assertThat(t.done()).isEqualTo(4);
        assertThat(RunSummary.render(t, 4, 5, false, null))
                .contains("graded 0, failed to run 0, rejected 0, already filed 4")
                .contains("4 task(s) had been filed by an earlier run");
    }

    @Test
    void timedOutSummarySaysSo() {
        assertThat(RunSummary.render(RunTally.between(before, before), 20, 900, true, null))
                .startsWith("Run summary (TIMED OUT): 0 of 20 tasks done in 15m00s\n");
    }

    @Test
    void progressLineShowsDoneOverExpectedWithTheParts() {
        RunTally t = RunTally.between(before, after);

        assertThat(RunSummary.progress(t, 44, 12)).isEqualTo(
                "[############............] 22/44 done: 20 graded (13 correct), 2 failed to run  12s");
        assertThat(RunSummary.progress(RunTally.between(before, before), 20, 0))
                .isEqualTo("[" + ".".repeat(24) + "] 0/20 done: 0 graded (0 correct)  0s");
        // more done than expected (leftovers of an earlier run) keeps the bar full, not wider
        assertThat(RunSummary.progress(t, 10, 3)).startsWith("[" + "#".repeat(24) + "] 22/10 done");
    }

    // an earlier run: 5 right and 5 wrong first attempts, 6 repairs (4 rescued, 1 task exhausted)
    private final RunSnapshot beforeRepairs = snapshot(repairStats(5, 5, 6, 4, 1), generatorMetrics(0, 0),
            repairFilterMetrics(5, 5, 6, 4, 7), feedbackMetrics(6));

    // this run: 20 train tasks, 7 right at once, 13 wrong; 14 repairs, 12 rescued, 1 task exhausted
    private final RunSnapshot afterRepairs = snapshot(repairStats(5 + 7, 5 + 13, 6 + 14, 4 + 12, 1 + 1),
            generatorMetrics(0, 0), repairFilterMetrics(5 + 7, 5 + 13, 6 + 14, 4 + 12, 7 + 15), feedbackMetrics(6 + 14));

    @Test
    void repairsAreTheDifferenceOfTheRepairsSection() {
        RunTally t = RunTally.between(beforeRepairs, afterRepairs);

        assertThat(t.graded()).isEqualTo(20);
        assertThat(t.regenerated()).isEqualTo(14);
        assertThat(t.done()).isEqualTo(20);
        assertThat(t.repairsKnown()).isTrue();
        assertThat(t.repairs()).isEqualTo(Map.of("pubmedqa", Map.of("analyst", new RunTally.Repair(14, 12, 1))));
        assertThat(t.repairsTotal()).isEqualTo(new RunTally.Repair(14, 12, 1));
        assertThat(t.repairsTotal().rescueRate()).isEqualTo(12.0 / 14);
        assertThat(t.repairsMadeKnown()).isTrue();
        assertThat(t.repairsMade()).isEqualTo(14);
        assertThat(t.repairsMadeOrGraded()).isEqualTo(14);
        assertThat(t.originKnown()).isTrue();
        assertThat(t.experienceAddedByOrigin()).containsExactly(Map.entry("generated", 14L),
                Map.entry("regenerated", 24L));
        assertThat(t.firstAttemptsTrain()).isEqualTo(new RunTally.Outcome(7, 13));
        assertThat(t.failuresToRepair()).isEqualTo(15);
    }

    @Test
    void summaryShowsRepairsBySubjectAndRoleAndLibraryGrowthByOrigin() {
        String text = RunSummary.render(RunTally.between(beforeRepairs, afterRepairs), 20, 130, false, null);

        assertThat(text).contains("""
                Accuracy of this run
                  subject   split  graded  correct  accuracy
                  pubmedqa  all        34       19     55.9%
                            train      34       19     55.9%
                  (includes 14 repaired trajectories)
                """);
        assertThat(text).contains("""
                Experience library (entries by role)
                  subject   role     added  total
                  pubmedqa  analyst    +19     28
                            solver     +19     28
                  all                  +38     56
                  added by origin: generated +14 (first attempts), regenerated +24 (rescued by repairs)
                """);
        assertThat(text).contains("""
                Failures sent to repair (train failures, topic `failures`): 15

                Repairs (failures -> feedback-service -> regenerated -> graded again)
                  subject   role     repaired  rescued  exhausted  rescue rate
                  pubmedqa  analyst        14       12          1        85.7%
                  all                      14       12          1        85.7%
                  repairs made by the feedback-service: 14
                  train tasks right: 7 of 20 at the first attempt (35.0%), 19 of 20 with repairs (95.0%)

                Tasks that failed to run: 0
                """);
    }

    @Test
    void aTaskExhaustedWithoutAnyRepairAndANoteFromTheWatcher() {
        // ITERA_REPAIR_MAX_ATTEMPTS=0: the filter files a wrong first attempt as exhausted at once
        RunSnapshot b = snapshot("""
                {"trajectories":{"total":0,"bySubject":{},"byOrigin":{}},
                 "experience":{"total":0,"byRole":{},"byOrigin":{}},
                 "repairs":{"total":{"repaired":0,"rescued":0,"exhausted":0,"rescueRate":0.0},"bySubject":{}}}
                """, null, null, null);
        RunSnapshot a = snapshot("""
                {"trajectories":{"total":1,"bySubject":{"pubmedqa":{"failure":1}},"byOrigin":{"generated":1}},
                 "experience":{"total":0,"byRole":{},"byOrigin":{}},
                 "repairs":{"total":{"repaired":0,"rescued":0,"exhausted":1,"rescueRate":0.0},
                  "bySubject":{"pubmedqa":{"none":{"repaired":0,"rescued":0,"exhausted":1,"rescueRate":0.0}}}}}
                """, null, null, null);

        RunTally t = RunTally.between(b, a);
        String text = RunSummary.render(t, 1, 3, true, null, "still settling: partial");

        assertThat(t.repairs()).isEqualTo(Map.of("pubmedqa", Map.of("none", new RunTally.Repair(0, 0, 1))));
        assertThat(t.repairsMadeKnown()).isFalse();
        assertThat(text).contains("""
                  subject   role         repaired  rescued  exhausted  rescue rate
                  pubmedqa  (no repair)         0        0          1            -
                  all                           0        0          1            -
                  still settling: partial
                """);
        assertThat(text).doesNotContain("repairs made by").doesNotContain("added by origin");
    }

    @Test
    void repairsUnknownOrNoneInThisRun() {
        // the filter of an older build has no `repairs` section
        assertThat(RunSummary.render(RunTally.between(before, after), 22, 75, false, null))
                .contains("Repairs (failures -> feedback-service -> regenerated -> graded again)\n"
                        + "  unknown (the filter's /library/stats has no `repairs` section)\n");
        // every task right at once: nothing to repair
        RunSnapshot b = snapshot(repairStats(0, 0, 0, 0, 0), null, null, feedbackMetrics(0));
        RunSnapshot a = snapshot(repairStats(3, 0, 0, 0, 0), null, null, feedbackMetrics(0));
        assertThat(RunSummary.render(RunTally.between(b, a), 3, 5, false, null))
                .contains("Repairs (failures -> feedback-service -> regenerated -> graded again)\n"
                        + "  none in this run\n");
        // made by the feedback-service but not graded by the filter yet
        RunSnapshot made = snapshot(repairStats(3, 0, 0, 0, 0), null, null, feedbackMetrics(2));
        assertThat(RunSummary.render(RunTally.between(b, made), 3, 5, true, null))
                .contains("  none in this run graded yet (2 made by the feedback-service)\n");
    }

    @Test
    void repairProgressLine() {
        RunTally t = RunTally.between(beforeRepairs, afterRepairs);

        // the tasks' line counts first attempts only, though repaired ones are graded meanwhile
        assertThat(RunSummary.progress(t, 20, 30)).endsWith("20/20 done: 20 graded (7 correct)  30s");
        assertThat(RunSummary.repairProgress(t, 0L, 50))
                .isEqualTo("repairs: 14 made, 12 rescued, 1 exhausted (backlog 0)  50s");
        assertThat(RunSummary.repairProgress(RunTally.between(beforeRepairs, beforeRepairs), null, 61))
                .isEqualTo("repairs: 0 made, 0 rescued (backlog ?)  1m01s");
        // without the feedback-service's counters, the graded repairs count as made
        RunTally noFeedback = RunTally.between(snapshot(repairStats(5, 5, 6, 4, 1), null, null),
                snapshot(repairStats(5, 8, 9, 5, 1), null, null));
        assertThat(RunSummary.repairProgress(noFeedback, 4L, 9))
                .isEqualTo("repairs: 3 made, 1 rescued (backlog 4)  9s");
    }

    @Test
    void percentagesAndDurations() {
        assertThat(RunSummary.percent(12, 20)).isEqualTo("60.0%");
        assertThat(RunSummary.percent(2, 3)).isEqualTo("66.7%");
        assertThat(RunSummary.percent(0, 0)).isEqualTo("-");
        assertThat(RunSummary.duration(59)).isEqualTo("59s");
        assertThat(RunSummary.duration(61)).isEqualTo("1m01s");
    }
}
