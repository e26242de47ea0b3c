package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersFilledShareCountAndRate() {
        String bar = ProgressBar.render(45, 0, 100, 3.66);

        assertThat(bar).isEqualTo("[" + "#".repeat(13) + ".".repeat(17) + "]  45/100 sent  12.3/s");
    }

    @Test
    void rendersEmptyFullAndFailed() {
        assertThat(ProgressBar.render(0, 0, 20, 0)).isEqualTo("[" + ".".repeat(30) + "]  0/20 sent  0.0/s");
        assertThat(ProgressBar.render(20, 0, 20, 2)).isEqualTo("[" + "#".repeat(30) + "] 20/20 sent  10.0/s");
        assertThat(ProgressBar.render(8, 2, 20, 1)).startsWith("[" + "#".repeat(15) + ".".repeat(15) + "]")
                .endsWith(" 8/20 sent  10.0/s  2 failed");
    }

    @Test
    void printsEveryTenthWhenNotOnATerminal() {
        ProgressBar bar = new ProgressBar(100, out, false, clock::get);
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(10_000_000L);
            bar.sent();
        }
        bar.finish();

        String[] lines = printed().split("\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).isEqualTo("[###...........................]  10/100 sent  100.0/s");
        assertThat(lines[9]).isEqualTo("[" + "#".repeat(30) + "] 100/100 sent  100.0/s");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void finishDoesNotRepeatTheLastLine() {
        ProgressBar bar = new ProgressBar(10, out, false, clock::get);
        bar.sent();
        bar.failed();
        bar.failed();
        bar.finish();
        bar.finish();

        assertThat(printed().split("\n")).containsExactly(
                "[###...........................]  1/10 sent  0.0/s",
                "[######........................]  1/10 sent  0.0/s  1 failed",
                "[#########.....................]  1/10 sent  0.0/s  2 failed");
    }

    @Test
    void finishShowsTheStateReachedBetweenTenths() {
        ProgressBar bar = new ProgressBar(100, out, false, clock::get);
        for (int i = 0; i < 15; i++) {
            bar.sent();
        }
        bar.finish();

        assertThat(printed().split("\n")).hasSize(2);
        assertThat(printed().split("\n")[1]).contains(" 15/100 sent");
    }

    @Test
    void redrawsInPlaceOnATerminal() {
        ProgressBar bar = new ProgressBar(3, out, true, clock::get);
        bar.sent();
        bar.sent();
        bar.sent();
        bar.finish();

        assertThat(printed()).startsWith("\r[" + "#".repeat(10) + ".".repeat(20) + "] 1/3 sent")
                .endsWith("\n")
                .containsOnlyOnce("\n");
        assertThat(printed().split("\r")).hasSize(5);
    }
}
