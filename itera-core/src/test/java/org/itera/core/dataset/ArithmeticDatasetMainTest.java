package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArithmeticDatasetMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ArithmeticDatasetMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheSameFileAsTheLibraryCall() throws IOException {
        Path file = dir.resolve("out/train.jsonl");
        Path expected = dir.resolve("expected.jsonl");

        int status = run("--out", file.toString(), "--difficulty", "d3s2", "--seed", "7", "--count", "25",
                "--split", "test");

        assertThat(status).isZero();
        ArithmeticProblems.writeJsonl(expected, new Difficulty(3, 2), 7, 25, "test");
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(expected));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 25 d3s2 problems").contains("split test");
        assertThat(err()).isEmpty();
    }

    @Test
    void defaultsAreTheDefaultDifficultySeedOneAHundredTrainProblems() throws IOException {
        Path file = dir.resolve("d.jsonl");

        assertThat(run("--out", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).hasSize(100)
                .first().asString().startsWith("{\"id\":\"arithmetic/d1s1-add/1/0\"").contains("\"split\":\"train\"");
    }

    @Test
    void optionsMayBeWrittenWithAnEqualsSignAndStartAtAnIndex() throws IOException {
        Path file = dir.resolve("e.jsonl");

        assertThat(run("--out=" + file, "--difficulty=d1s1", "--seed=-3", "--count=2", "--first-index=10")).isZero();

        assertThat(Files.readAllLines(file)).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("{\"id\":\"arithmetic/d1s1/-3/10\"", "{\"id\":\"arithmetic/d1s1/-3/11\"");
    }

    @Test
    void aDifficultyMayKeepToSomeOperations() throws IOException {
        Path file = dir.resolve("add.jsonl");

        assertThat(run("--out", file.toString(), "--difficulty", "d1s1-add", "--count", "30")).isZero();

        assertThat(Files.readAllLines(file)).hasSize(30)
                .allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"arithmetic/d1s1-add/1/")
                        .contains("\"operations\":[\"add\"]").containsPattern("\"expression\":\"\\d \\+ \\d\""));
        assertThat(run("--out", file.toString(), "--difficulty", "d1s1-div")).isEqualTo(2);
        assertThat(err()).contains("unknown operation 'div'");
    }

    @Test
    void helpIsPrintedAndNothingIsWritten() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--difficulty", "d1s1", "-add", "--split");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertThat(run("--count", "5")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--out=FILE'");

        assertThat(run("--out", dir.resolve("x").toString(), "--difficulty", "hard")).isEqualTo(2);
        assertThat(err()).contains("not a difficulty: 'hard'");

        assertThat(run("--out", dir.resolve("x").toString(), "--split", "dev")).isEqualTo(2);
        assertThat(err()).contains("split must be train or test");

        assertThat(run("--out", dir.resolve("x").toString(), "--count", "-1")).isEqualTo(2);
        assertThat(run("--out", dir.resolve("x").toString(), "--seed", "seven")).isEqualTo(2);
        assertThat(run("--out", dir.resolve("x").toString(), "--colour", "red")).isEqualTo(2);
        assertThat(err()).contains("Unknown options: '--colour', 'red'");
        assertThat(run("--out")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter for option '--out' (FILE)");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void anUnwritableFileExitsWithOne() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a folder");

        assertThat(run("--out", blocker.resolve("x.jsonl").toString(), "--count", "1")).isEqualTo(1);
        assertThat(err()).contains("cannot write");
    }
}
