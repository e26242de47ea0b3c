package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaults() throws UsageException {
        RunOptions o = RunOptions.parse(new String[] {"--run", "run-1", "--expect", "20"});

        assertThat(o.run()).isEqualTo("run-1");
        assertThat(o.expect()).isEqualTo(20);
        assertThat(o.filter()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(o.settle()).isFalse();
        assertThat(o.timeoutSeconds()).isEqualTo(900);
        assertThat(o.intervalSeconds()).isEqualTo(2.0);
        assertThat(o.settleIntervalSeconds()).isEqualTo(2.0);
        assertThat(o.progress()).isEqualTo(RunOptions.Progress.AUTO);
    }

    @Test
    void everyOption() throws UsageException {
        RunOptions o = RunOptions.parse(new String[] {"--run=r-2", "--expect=3", "--filter", "http://h:1/",
            "--settle", "--timeout", "30", "--interval", "0.5", "--settle-interval", "15", "--unreachable", "9",
            "--progress", "lines", "--dlq-hint", "see here"});

        assertThat(o.run()).isEqualTo("r-2");
        assertThat(o.expect()).isEqualTo(3);
        assertThat(RunOptions.resolve(o.filter(), "/runs/r-2")).isEqualTo(URI.create("http://h:1/runs/r-2"));
        assertThat(o.settle()).isTrue();
        assertThat(o.timeoutSeconds()).isEqualTo(30);
        assertThat(o.intervalSeconds()).isEqualTo(0.5);
        assertThat(o.settleIntervalSeconds()).isEqualTo(15.0);
        assertThat(o.unreachableSeconds()).isEqualTo(9);
        assertThat(o.progress()).isEqualTo(RunOptions.Progress.LINES);
        assertThat(o.dlqHint()).isEqualTo("see here");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--expect", "1"})).hasMessage("--run is required");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--run", "a/b", "--expect", "1"}))
                .hasMessageContaining("--run: run id 'a/b' is not");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--run", "r"})).hasMessage("--expect is required");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--run", "r", "--expect", "-1"}))
                .hasMessageContaining("at least 0");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--run", "r", "--expect", "1", "--filter", "h:8082"}))
                .hasMessageContaining("http:// URL");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--run", "r", "--expect", "1", "--progress", "bars"}))
                .hasMessageContaining("auto, tty, lines or none");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--run", "r", "--expect", "1", "--nope"}))
                .hasMessage("unknown option '--nope'");
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertThat(RunOptions.parse(new String[] {"-h"}).help()).isTrue();
    }
}
