package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code itera watch}'s options: parsed by picocli, then checked by {@link WatchCommand#options()}. */
class WatchOptionsTest {

    @Test
    void appliesDefaults() {
        RunOptions o = WatchCommand.parse("--run", "run-1", "--expect", "20");

        assertThat(o).isEqualTo(new RunOptions(URI.create("http://127.0.0.1:8082"), "run-1", 20, false, 900, 2, 2, 60,
                RunOptions.Progress.AUTO, null));
    }

    @Test
    void parsesEveryOption() {
        RunOptions o = WatchCommand.parse("--run=r-2", "--expect=3", "--filter", "http://h:1/", "--settle",
                "--timeout", "30", "--interval", "0.5", "--settle-interval", "5", "--unreachable", "9",
                "--progress", "LINES", "--dlq-hint", "see x");

        assertThat(o).isEqualTo(new RunOptions(URI.create("http://h:1/"), "r-2", 3, true, 30, 0.5, 5, 9,
                RunOptions.Progress.LINES, "see x"));
    }

    @Test
    void refusesWhatCannotWork() {
        assertUsage("--run", "--expect", "1");
        assertUsage("--run: run id 'a/b'", "--run", "a/b", "--expect", "1");
        assertUsage("--expect", "--run", "r");
        assertUsage("--expect cannot be negative", "--run", "r", "--expect", "-1");
        assertUsage("--filter needs an http:// URL", "--run", "r", "--expect", "1", "--filter", "h:8082");
        assertUsage("auto, tty, lines or none, not 'bars'", "--run", "r", "--expect", "1", "--progress", "bars");
        assertUsage("0.05 to 3600 seconds", "--run", "r", "--expect", "1", "--interval", "0");
        assertUsage("Unknown option: '--nope'", "--run", "r", "--expect", "1", "--nope");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> WatchCommand.parse(args))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining(message);
    }
}
