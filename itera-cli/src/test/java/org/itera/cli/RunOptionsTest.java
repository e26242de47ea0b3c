package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaults() throws UsageException {
        RunOptions o = RunOptions.parse(new String[] {"--expect", "20"});

        assertThat(o.expect()).isEqualTo(20);
        assertThat(o.filter()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(o.generator()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(o.timeoutSeconds()).isEqualTo(900);
        assertThat(o.intervalSeconds()).isEqualTo(2.0);
        assertThat(o.progress()).isEqualTo(RunOptions.Progress.AUTO);
        assertThat(o.baseline()).isNull();
        assertThat(o.feedback()).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(o.feedbackMetricsBaseline()).isNull();
        assertThat(o.backlogCommand()).isNull();
    }

    @Test
    void everyOption() throws UsageException {
        RunOptions o = RunOptions.parse(new String[] {"--expect=3", "--filter", "http://h:1/", "--generator",
            "http://h:2", "--baseline", "b.json", "--generator-metrics-baseline", "g.prom",
            "--filter-metrics-baseline", "f.prom", "--timeout", "30", "--interval", "0.5", "--unreachable", "9",
            "--progress", "lines", "--dlq-hint", "see here", "--feedback", "http://h:3",
            "--feedback-metrics-baseline", "fb.prom", "--backlog-command", " run.sh --backlog "});

        assertThat(o.expect()).isEqualTo(3);
        assertThat(RunOptions.resolve(o.filter(), "/library/stats")).isEqualTo(URI.create("http://h:1/library/stats"));
        assertThat(RunOptions.resolve(o.generator(), "/q/metrics")).isEqualTo(URI.create("http://h:2/q/metrics"));
        assertThat(o.baseline()).isEqualTo(Path.of("b.json"));
        assertThat(o.generatorMetricsBaseline()).isEqualTo(Path.of("g.prom"));
        assertThat(o.filterMetricsBaseline()).isEqualTo(Path.of("f.prom"));
        assertThat(o.timeoutSeconds()).isEqualTo(30);
        assertThat(o.intervalSeconds()).isEqualTo(0.5);
        assertThat(o.unreachableSeconds()).isEqualTo(9);
        assertThat(o.progress()).isEqualTo(RunOptions.Progress.LINES);
        assertThat(o.dlqHint()).isEqualTo("see here");
        assertThat(RunOptions.resolve(o.feedback(), "/q/metrics")).isEqualTo(URI.create("http://h:3/q/metrics"));
        assertThat(o.feedbackMetricsBaseline()).isEqualTo(Path.of("fb.prom"));
        assertThat(o.backlogCommand()).isEqualTo("run.sh --backlog");
    }

    @Test
    void theSettleIntervalIsThePollIntervalUnlessGiven() throws UsageException {
        assertThat(RunOptions.parse(new String[] {"--expect", "1"}).settleIntervalSeconds()).isEqualTo(2.0);
        assertThat(RunOptions.parse(new String[] {"--expect", "1", "--interval", "0.5"}).settleIntervalSeconds())
                .isEqualTo(0.5);
        assertThat(RunOptions.parse(new String[] {"--expect", "1", "--interval", "0.5", "--settle-interval", "15"})
                .settleIntervalSeconds()).isEqualTo(15.0);
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> RunOptions.parse(new String[] {})).hasMessage("--expect is required");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--expect", "-1"}))
                .hasMessageContaining("at least 0");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--expect", "1", "--filter", "localhost:8082"}))
                .hasMessageContaining("http:// URL");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--expect", "1", "--progress", "bars"}))
                .hasMessageContaining("auto, tty, lines or none");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--expect", "1", "--nope"}))
                .hasMessage("unknown option '--nope'");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--expect", "1", "--backlog-command", " "}))
                .hasMessage("--backlog-command needs a non-empty value");
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertThat(RunOptions.parse(new String[] {"-h"}).help()).isTrue();
    }
}
