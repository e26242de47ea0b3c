package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watcher over scripted GET /runs/{id} answers and a fake clock: when it ends, and with what status. */
class RunWatcherTest {

    private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBuffer, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);
    private final FakeClock clock = new FakeClock();

    /** Answers from a script, one step per poll; the last step repeats; a null step fails. */
    private static final class ScriptedSource implements RunWatcher.Source {
        private final List<String> steps = new ArrayList<>();
        private int polls = -1;

        ScriptedSource step(RunTestData run) {
            steps.add(run == null ? null : run.json());
            return this;
        }

        @Override
        public String run() throws IOException {
            polls++;
            String answer = steps.get(Math.min(polls, steps.size() - 1));
            if (answer == null) {
                throw new IOException("connection refused: http://127.0.0.1:8082/runs/r");
            }
            return answer;
        }

        @Override
        public String library() {
            return RunTestData.library(50);
        }
    }

    private static final class FakeClock implements Clock {
        long now = 1_000_000;

        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleep(long millis) {
            now += millis;
        }
    }

    private int watch(ScriptedSource source, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--progress", "lines", "--run", "r"));
        all.addAll(List.of(args));
        return new RunWatcher(WatchCommand.parse(all.toArray(String[]::new)), source, clock, out, err, false).watch();
    }

    private String printed() {
        return outBuffer.toString(StandardCharsets.UTF_8);
    }

    private String progress() {
        return errBuffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void endsWhenEveryTaskIsGradedOrDeadLettered() throws Exception {
        ScriptedSource source = new ScriptedSource()
                .step(RunTestData.run().train(1, 0))
                .step(RunTestData.run().train(2, 1).failedToRun(1));

        int status = watch(source, "--expect", "4");

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(progress()).contains("1/4 done: 1 graded (1 correct)")
                .contains("4/4 done: 3 graded (2 correct), 1 failed to run");
        assertThat(printed()).startsWith("Run summary: 4 of 4 tasks done in 2s\n")
                .contains("pubmedqa  all         3        2     66.7%")
                .contains("pubmedqa  analyst     +2     50");
    }

    @Test
    void timesOutWithStatusOneWhenTasksAreMissing() throws Exception {
        int status = watch(new ScriptedSource().step(RunTestData.run().train(1, 0)), "--expect", "3", "--timeout", "10");

        assertThat(status).isEqualTo(RunWatcher.FAILED);
        assertThat(printed()).startsWith("Run summary (TIMED OUT): 1 of 3 tasks done in 10s\n");
        assertThat(progress()).contains("timed out after 10s with 1 of 3 tasks done");
    }

    @Test
    void withSettleItWaitsUntilNoTaskWaitsForARepairAndTheAnswerStaysTheSame() throws Exception {
        ScriptedSource source = new ScriptedSource()
                .step(RunTestData.run().train(1, 2).repairs(0, 0, 0, 2).paused(false))
                .step(RunTestData.run().train(1, 2).repairs(1, 1, 0, 1).paused(false))
                .step(RunTestData.run().train(1, 2).repairs(2, 1, 0, 0).paused(false))
                .step(RunTestData.run().train(1, 2).repairs(3, 1, 1, 0).paused(false));

        int status = watch(source, "--expect", "3", "--settle");

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(source.polls + 1).isEqualTo(5); // 3 tasks at the first; settled at the 5th, equal to the 4th
        assertThat(progress()).contains("repairs: 1 made, 1 rescued, 1 task waiting")
                .contains("repairs: 3 made, 1 rescued, 1 exhausted, 0 tasks waiting");
        assertThat(printed()).contains("  pubmedqa  analyst         3        1          1        33.3%");
    }

    @Test
    void repairsStillWaitingAtTheTimeoutEndWithStatusFourAndSaySoWhenPaused() throws Exception {
        ScriptedSource source = new ScriptedSource().step(RunTestData.run().train(1, 2).repairs(1, 0, 0, 2).paused(true));

        int status = watch(source, "--expect", "3", "--settle", "--timeout", "20");

        assertThat(status).isEqualTo(RunWatcher.REPAIRS_UNSETTLED);
        assertThat(progress()).contains("2 tasks waiting (repair loop paused)")
                .contains("while the repair loop was still working (2 task(s) waiting, the repair loop is paused)");
        assertThat(printed()).contains("the repair loop had not settled at the timeout (2 task(s) still waiting");
    }

    @Test
    void aFilterThatStopsAnsweringEndsTheWatchWithTheLastCountsAndStatusOne() throws Exception {
        ScriptedSource source = new ScriptedSource().step(RunTestData.run().train(1, 0)).step(null);

        int status = watch(source, "--expect", "5", "--unreachable", "6");

        assertThat(status).isEqualTo(RunWatcher.FAILED);
        assertThat(progress()).contains("filter not answering: connection refused")
                .contains("has not answered for 6s");
        assertThat(printed()).contains("1 of 5 tasks done");
    }

    @Test
    void usageErrorsExitWith64() {
        assertThat(Itera.commandLine(new Itera(), out, err).execute("watch", "--expect", "2")).isEqualTo(ExitCodes.USAGE);
        assertThat(progress()).contains("Missing required option: '--run=ID'").contains("Usage: itera watch");
    }
}
