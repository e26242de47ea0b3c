package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itera.cli.RunTestData.emptyStats;
import static org.itera.cli.RunTestData.feedbackMetrics;
import static org.itera.cli.RunTestData.filterMetrics;
import static org.itera.cli.RunTestData.generatorMetrics;
import static org.itera.cli.RunTestData.repairFilterMetrics;
import static org.itera.cli.RunTestData.repairStats;
import static org.itera.cli.RunTestData.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWatcherTest {

    private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBuffer, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);
    private final FakeClock clock = new FakeClock();

    /**
     * Answers from a script, one step per poll; the last step repeats. A null stats step fails, and
     * so does a negative backlog.
     */
    private static final class ScriptedSource implements RunWatcher.Source {
        private final List<String[]> steps = new ArrayList<>();
        private int polls = -1;
        int backlogCalls;

        ScriptedSource step(String stats, String generator, String filter) {
            return step(stats, generator, filter, "", 0);
        }

        ScriptedSource step(String stats, String generator, String filter, String feedback, long backlog) {
            steps.add(new String[] {stats, generator, filter, feedback, Long.toString(backlog)});
            return this;
        }

        private String[] current() {
            return steps.get(Math.min(polls, steps.size() - 1));
        }

        @Override
        public String stats() throws IOException {
            polls++;
            String stats = current()[0];
            if (stats == null) {
                throw new IOException("connection refused: http://127.0.0.1:8082/library/stats");
            }
            return stats;
        }

        @Override
        public String generatorMetrics() {
            return current()[1];
        }

        @Override
        public String filterMetrics() {
            return current()[2];
        }

        @Override
        public String feedbackMetrics() {
            return current()[3];
        }

        @Override
        public long backlog() throws IOException {
            backlogCalls++;
            long backlog = Long.parseLong(current()[4]);
            if (backlog < 0) {
                throw new IOException("kafka not answering");
            }
            return backlog;
        }
    }

    private static final class FakeClock implements Clock {
        long now = 1_000_000;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleep(long millis) {
            sleeps.add(millis);
            now += millis;
        }
    }

    private RunWatcher watcher(ScriptedSource source, String... args) throws UsageException {
        List<String> all = new ArrayList<>(List.of("--progress", "lines"));
        all.addAll(List.of(args));
        return new RunWatcher(RunOptions.parse(all.toArray(String[]::new)), source, clock, out, err, false);
    }

    private String printed() {
        return outBuffer.toString(StandardCharsets.UTF_8);
    }

    private String progress() {
        return errBuffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void endsWhenEveryTaskIsGradedOrFailedToRun(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("stats.json"), emptyStats());
        Path genBaseline = Files.writeString(dir.resolve("gen.prom"), generatorMetrics(0, 0));
        Path filterBaseline = Files.writeString(dir.resolve("filter.prom"), filterMetrics(0, 0, 0, 0, 0, 0));
        ScriptedSource source = new ScriptedSource()
                .step(stats(1, 0, 1, 0, 1, 1), generatorMetrics(0, 0), filterMetrics(1, 0, 0, 0, 0, 0))
                .step(stats(2, 1, 3, 0, 2, 2), generatorMetrics(1, 0), filterMetrics(2, 1, 0, 0, 1, 0));
        String[] args = {"--expect", "4", "--baseline", baseline.toString(),
            "--generator-metrics-baseline", genBaseline.toString(),
            "--filter-metrics-baseline", filterBaseline.toString()};

        int status = watcher(source, args).watch(RunWatcher.readBaseline(RunOptions.parse(args)));

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(progress()).contains("1/4 done: 1 graded (1 correct)")
                .contains("4/4 done: 3 graded (2 correct), 1 failed to run");
        assertThat(printed()).startsWith("Run summary: 4 of 4 tasks done in 3s\n")
                .contains("pubmedqa  all         3        2     66.7%")
                .contains("Failures sent to repair (train failures, topic `failures`): 1\n")
                .contains("Tasks that failed to run: 1 (pubmedqa 1)");
    }

    @Test
    void withoutBaselineFilesTheFirstPollIsTheBaseline() throws Exception {
        ScriptedSource source = new ScriptedSource()
                .step(stats(5, 5, 10, 0, 5, 5), generatorMetrics(2, 0), filterMetrics(5, 5, 0, 0, 5, 0))
                .step(stats(7, 5, 12, 0, 7, 7), generatorMetrics(2, 0), filterMetrics(7, 5, 0, 0, 5, 0));

        int status = watcher(source, "--expect", "2").watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(printed()).contains("pubmedqa  all         2        2    100.0%")
                .contains("Tasks that failed to run: 0\n");
    }

    @Test
    void timesOutWithPartialSummaryAndExitOne() throws Exception {
        ScriptedSource source = new ScriptedSource()
                .step(emptyStats(), generatorMetrics(0, 0), filterMetrics(0, 0, 0, 0, 0, 0))
                .step(stats(1, 0, 1, 0, 1, 1), generatorMetrics(0, 0), filterMetrics(1, 0, 0, 0, 0, 0));

        int status = watcher(source, "--expect", "5", "--timeout", "10").watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.FAILED);
        assertThat(printed()).startsWith("Run summary (TIMED OUT): 1 of 5 tasks done in 10s");
        assertThat(progress()).contains("run-watcher: timed out after 10s with 1 of 5 tasks done");
    }

    @Test
    void givesUpWhenTheFilterStopsAnswering() throws Exception {
        ScriptedSource source = new ScriptedSource()
                .step(emptyStats(), generatorMetrics(0, 0), filterMetrics(0, 0, 0, 0, 0, 0))
                .step(null, generatorMetrics(0, 0), filterMetrics(0, 0, 0, 0, 0, 0));

        int status = watcher(source, "--expect", "5", "--unreachable", "6").watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.FAILED);
        assertThat(progress()).contains("[filter not answering: connection refused")
                .contains("run-watcher: the filter-service at http://127.0.0.1:8082 has not answered for 6s");
        assertThat(clock.now - 1_000_000).isLessThan(10_000);
    }

    @Test
    void expectingNothingEndsAtOnce() throws Exception {
        ScriptedSource source = new ScriptedSource().step(emptyStats(), "", "");

        assertThat(watcher(source, "--expect", "0").watch(RunSnapshot.empty())).isEqualTo(RunWatcher.OK);
        assertThat(printed()).startsWith("Run summary: 0 of 0 tasks done in 0s");
    }

    /** A step of the repair scenario: first attempts, repairs, backlog. */
    private static ScriptedSource repairStep(ScriptedSource source, long firstOk, long firstBad, long repaired,
            long rescued, long made, long backlog) {
        return source.step(repairStats(firstOk, firstBad, repaired, rescued, 0), generatorMetrics(0, 0),
                repairFilterMetrics(firstOk, firstBad, repaired, rescued, firstBad + repaired - rescued),
                feedbackMetrics(made), backlog);
    }

    @Test
    void whileTheRepairLoopSettlesItPollsAtTheSettleInterval() throws Exception {
        ScriptedSource source = new ScriptedSource();
        repairStep(source, 0, 0, 0, 0, 0, 0);      // baseline
        repairStep(source, 1, 1, 0, 0, 0, 3);      // not every task graded yet
        repairStep(source, 2, 2, 0, 0, 0, 2);      // every task graded
        repairStep(source, 2, 2, 1, 1, 2, 0);
        repairStep(source, 2, 2, 2, 2, 2, 0);
        repairStep(source, 2, 2, 2, 2, 2, 0);      // settled

        int status = watcher(source, "--expect", "4", "--backlog-command", "true", "--settle-interval", "15")
                .watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(source.backlogCalls).isEqualTo(3);
        // the tasks are polled every 2 s; the backlog command, once they are all graded, every 15 s
        assertThat(clock.sleeps).startsWith(2000L).endsWith(15000L, 15000L).doesNotContain(0L);
        assertThat(clock.sleeps.stream().filter(ms -> ms == 15000L)).hasSize(2);
    }

    @Test
    void withABacklogCommandWaitsForTheRepairLoopToSettle() throws Exception {
        ScriptedSource source = new ScriptedSource();
        repairStep(source, 0, 0, 0, 0, 0, 0);      // baseline
        repairStep(source, 2, 2, 0, 0, 0, 2);      // every task graded: 2 right, 2 sent to repair
        repairStep(source, 2, 2, 0, 0, 1, 2);      // one repair made
        repairStep(source, 2, 2, 1, 1, 2, 1);      // rescued
        repairStep(source, 2, 2, 2, 2, 2, 0);      // rescued, backlog drained...
        repairStep(source, 2, 2, 2, 2, 2, 0);      // ...and still drained with the same stats: settled
        repairStep(source, 9, 9, 9, 9, 9, 0);      // never reached

        int status = watcher(source, "--expect", "4", "--backlog-command", "true").watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(progress()).contains("4/4 done: 4 graded (2 correct)")
                .contains("repairs: 1 made, 0 rescued (backlog 2)")
                .contains("repairs: 2 made, 1 rescued (backlog 1)")
                .contains("repairs: 2 made, 2 rescued (backlog 0)");
        assertThat(source.backlogCalls).isEqualTo(4);
        assertThat(printed()).startsWith("Run summary: 4 of 4 tasks done in ")
                .contains("  pubmedqa  analyst         2        2          0       100.0%\n")
                .contains("  repairs made by the feedback-service: 2\n")
                .contains("  train tasks right: 2 of 4 at the first attempt (50.0%), 4 of 4 with repairs (100.0%)\n")
                .contains("  added by origin: generated +4 (first attempts), regenerated +4 (rescued by repairs)\n");
    }

    @Test
    void aBacklogThatIsZeroOnceOrUnknownIsNotSettled() throws Exception {
        ScriptedSource source = new ScriptedSource();
        repairStep(source, 0, 0, 0, 0, 0, 0);      // baseline
        repairStep(source, 1, 1, 0, 0, 0, 0);      // tasks done; the failure is not on the topic yet
        repairStep(source, 1, 1, 0, 0, 1, 1);      // now it is, being repaired
        repairStep(source, 1, 1, 1, 1, 1, -1);     // the broker does not answer
        repairStep(source, 1, 1, 1, 1, 1, 0);
        repairStep(source, 1, 1, 1, 1, 1, 0);

        int status = watcher(source, "--expect", "2", "--backlog-command", "true").watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.OK);
        assertThat(progress()).contains("repairs: 1 made, 1 rescued (backlog ?)  ")
                .contains("[backlog unknown: kafka not answering]");
        assertThat(printed()).contains("  pubmedqa  analyst         1        1          0       100.0%\n");
    }

    @Test
    void theRepairLoopSharesTheTimeout() throws Exception {
        ScriptedSource source = new ScriptedSource();
        repairStep(source, 0, 0, 0, 0, 0, 0);
        repairStep(source, 1, 1, 0, 0, 0, 1);      // tasks done, a repair never ends

        int status = watcher(source, "--expect", "2", "--timeout", "10", "--backlog-command", "true")
                .watch(RunSnapshot.empty());

        assertThat(status).isEqualTo(RunWatcher.REPAIRS_UNSETTLED);
        assertThat(printed()).startsWith("Run summary (TIMED OUT): 2 of 2 tasks done in 10s")
                .contains("  the repair loop had not settled at the timeout (1 record(s) still queued):"
                        + " these counts are partial\n");
        assertThat(progress()).contains("run-watcher: timed out after 10s while the repair loop was still working");
    }

    @Test
    void withoutABacklogCommandTheRepairLoopIsNotAwaited() throws Exception {
        ScriptedSource source = new ScriptedSource();
        repairStep(source, 0, 0, 0, 0, 0, 0);
        repairStep(source, 1, 1, 0, 0, 0, 1);

        assertThat(watcher(source, "--expect", "2").watch(RunSnapshot.empty())).isEqualTo(RunWatcher.OK);
        assertThat(source.backlogCalls).isZero();
        assertThat(progress()).doesNotContain("repairs:");
        assertThat(printed()).contains("Repairs (failures -> feedback-service -> regenerated -> graded again)\n"
                + "  none in this run\n");
    }

    @Test
    void theBacklogCommandPrintsACount() throws Exception {
        Duration timeout = Duration.ofSeconds(20);

        assertThat(RunWatcher.runBacklogCommand("echo starting >&2; echo note; echo 7", timeout)).isEqualTo(7);
        assertThatThrownBy(() -> RunWatcher.runBacklogCommand("echo 3; exit 2", timeout))
                .isInstanceOf(IOException.class).hasMessageContaining("exited with status 2");
        assertThatThrownBy(() -> RunWatcher.runBacklogCommand("echo lots", timeout))
                .isInstanceOf(IOException.class).hasMessageContaining("printed 'lots', not a count");
        assertThatThrownBy(() -> RunWatcher.runBacklogCommand("sleep 5", Duration.ofMillis(300)))
                .isInstanceOf(IOException.class).hasMessageContaining("did not finish");
    }

    @Test
    void usageErrorsAndHelp() {
        assertThat(RunWatcher.run(new String[] {"--expect"}, out, err)).isEqualTo(RunWatcher.USAGE);
        assertThat(progress()).contains("run-watcher: --expect needs a value");
        assertThat(RunWatcher.run(new String[] {"--help"}, out, err)).isEqualTo(RunWatcher.OK);
        assertThat(printed()).startsWith("Usage: run-watcher --expect N");
    }

    @Test
    void aMissingBaselineFileIsReported() {
        int status = RunWatcher.run(new String[] {"--expect", "1", "--baseline", "/nonexistent/stats.json"}, out, err);

        assertThat(status).isEqualTo(RunWatcher.FAILED);
        assertThat(progress()).contains("no such file: /nonexistent/stats.json");
    }
}
