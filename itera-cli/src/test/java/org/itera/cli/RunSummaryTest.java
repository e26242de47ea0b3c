package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's tally from GET /runs/{id}, and the text the watcher draws and prints from it. */
class RunSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunTally tally(RunTestData run, String library) throws Exception {
        return RunTally.of(JSON.readTree(run.json()), library == null ? null : JSON.readTree(library));
    }

    @Test
    void theTallyIsTheRunsOwnCounts() throws Exception {
        RunTally t = tally(RunTestData.run().train(7, 13).test(3, 1).repairs(14, 12, 1, 2).failedToRun(2).paused(true),
                RunTestData.library(40));

        assertThat(t.graded()).isEqualTo(24);
        assertThat(t.regenerated()).isEqualTo(14);
        assertThat(t.done()).isEqualTo(26);
        assertThat(t.bySubject()).containsExactly(Map.entry("pubmedqa", new RunTally.Outcome(22, 16)));
        assertThat(t.bySubjectSplit().get("pubmedqa")).containsExactly(
                Map.entry("test", new RunTally.Outcome(3, 1)), Map.entry("train", new RunTally.Outcome(19, 15)));
        assertThat(t.firstAttemptsTrain()).isEqualTo(new RunTally.Outcome(7, 13));
        assertThat(t.firstAttemptsCorrect()).isEqualTo(10);
        assertThat(t.experienceAdded()).isEqualTo(Map.of("pubmedqa", Map.of("analyst", 19L, "solver", 19L)));
        assertThat(t.experienceTotal()).isEqualTo(Map.of("pubmedqa", Map.of("analyst", 40L, "solver", 40L)));
        assertThat(t.experienceAddedByOrigin()).containsExactly(Map.entry("generated", 14L),
                Map.entry("regenerated", 24L));
        assertThat(t.repairs()).isEqualTo(Map.of("pubmedqa", Map.of("analyst", new RunTally.Repair(14, 12, 1))));
        assertThat(t.repairsTotal().rescueRate()).isEqualTo(12.0 / 14);
        assertThat(t.failuresToRepair()).isEqualTo(14);
        assertThat(t.failedToRun()).containsExactly(Map.entry("pubmedqa", 2L));
        assertThat(t.waitingForRepair()).isEqualTo(2);
        assertThat(t.repairLoopPaused()).isTrue();
    }

    @Test
    void withoutTheLibraryStatsTheTotalsAreTheRunsAndAnUnknownLoopIsNull() throws Exception {
        RunTally t = tally(RunTestData.run().train(5, 5), null);

        assertThat(t.experienceTotal()).isEqualTo(t.experienceAdded());
        assertThat(t.repairLoopPaused()).isNull();
        assertThat(RunTally.of(JSON.readTree("{}"), null).done()).isZero();
    }

    @Test
    void summaryShowsAccuracyPerSplitLibraryGrowthRepairsAndFailures() throws Exception {
        String text = RunSummary.render(tally(RunTestData.run().train(7, 13).test(3, 1).repairs(14, 12, 1, 0)
                .failedToRun(2), RunTestData.library(40)), 26, 75, false, "read them: X");

        assertThat(text).startsWith("Run summary: 26 of 26 tasks done in 1m15s\n  graded 24, failed to run 2\n");
        assertThat(text).contains("""
                Accuracy of this run
                  subject   split  graded  correct  accuracy
                  pubmedqa  all        38       22     57.9%
                            test        4        3     75.0%
                            train      34       19     55.9%
                  (includes 14 repaired trajectories)
                """);
        assertThat(text).contains("""
                Experience library (entries by role)
                  subject   role     added  total
                  pubmedqa  analyst    +19     40
                            solver     +19     40
                  all                  +38     80
                  added by origin: generated +14 (first attempts), regenerated +24 (rescued by repairs)
                """);
        assertThat(text).contains("""
                Failures sent to repair (train failures, topic `failures`): 14

                Repairs (failures -> feedback-service -> regenerated -> graded again)
                  subject   role     repaired  rescued  exhausted  rescue rate
                  pubmedqa  analyst        14       12          1        85.7%
                  all                      14       12          1        85.7%
                  train tasks right: 7 of 20 at the first attempt (35.0%), 19 of 20 with repairs (95.0%)
                """);
        assertThat(text).endsWith("Tasks that failed to run (invalid, or their LLM calls failed for good): 2"
                + " (pubmedqa 2)\n  They are on the Kafka topic `tasks-dlq`, and with their reasons under"
                + " `deadLetters` in GET /runs/{id}.\n  read them: X\n");
    }

    @Test
    void anEmptyRunAndAWatcherNote() throws Exception {
        String text = RunSummary.render(tally(RunTestData.run(), null), 20, 900, true, null, "not settled");

        assertThat(text).startsWith("Run summary (TIMED OUT): 0 of 20 tasks done in 15m00s\n");
        assertThat(text).contains("  nothing was graded\n", "Experience library (entries by role)\n  empty\n",
                "Repairs (failures -> feedback-service -> regenerated -> graded again)\n  none in this run\n"
                        + "  not settled\n", "Tasks that failed to run (invalid, or their LLM calls failed for good): 0\n");
    }

    @Test
    void progressLines() throws Exception {
        RunTally t = tally(RunTestData.run().train(3, 2).repairs(2, 1, 0, 3).failedToRun(1).paused(true), null);

        assertThat(RunSummary.progress(t, 12, 42))
                .isEqualTo("[############............] 6/12 done: 5 graded (3 correct), 1 failed to run  42s");
        assertThat(RunSummary.repairProgress(t, 75))
                .isEqualTo("repairs: 2 made, 1 rescued, 3 tasks waiting (repair loop paused)  1m15s");
    }
}
