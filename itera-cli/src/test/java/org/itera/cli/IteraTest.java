package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code itera} command line: generated help, named exit codes, errors that say what to do. */
class IteraTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int itera(String... args) {
        return Itera.commandLine(new Itera(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        assertThat(itera("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("run ", "up ", "status ", "down ", "push ", "watch ", "dlq ", "round ", "dataset ")
                .contains("64    wrong usage", "4     every task graded");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(itera("fly")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument at index 0: 'fly'");
        assertThat(itera("run", "--colour")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--colour'", "Usage: itera run");
    }

    @Test
    void aRunThatCannotWorkIsRefusedBeforeAnythingStarts() {
        assertThat(itera("run", "--round", "--test-limit", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--round needs train tasks (--limit) and test tasks");
        assertThat(itera("run", "--difficulty", "hard")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--difficulty is d<digits>s<steps>");
        assertThat(itera("up", "--only", "redis")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown component 'redis'", "kafka, mongo");
    }

    @Test
    void datasetWritesSeededTasks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("a.jsonl");
        assertThat(itera("dataset", "arithmetic", "--out", file.toString(), "--count", "3")).isEqualTo(ExitCodes.OK);
        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"arithmetic/d1s1-add/1/"));
    }
}
