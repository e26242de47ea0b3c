package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code itera push}'s options: parsed by picocli, then checked by {@link PushTasks#options()}. */
class PushOptionsTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void parsesEveryOption() {
        CliOptions o = PushTasks.parse(NO_ENV, "--file", "data/x.jsonl", "--subject", "pubmedqa", "--split", "test",
                "--limit", "20", "--offset", "5", "--round", "3", "--bootstrap", "kafka:29092",
                "--topic", "tasks-demo", "--timeout", "4", "--dry-run", "--strict", "--run", "run-7");

        assertThat(o).isEqualTo(new CliOptions(Path.of("data/x.jsonl"), "problem-solving", "pubmedqa", "test", 20, 5, 3,
                "run-7", "kafka:29092", "tasks-demo", 4, true, true));
    }

    @Test
    void appliesDefaults() {
        CliOptions o = PushTasks.parse(NO_ENV, "--file", "a.jsonl", "--subject", "gsm8k", "--split", "train");

        assertThat(o).isEqualTo(new CliOptions(Path.of("a.jsonl"), "problem-solving", "gsm8k", "train", -1, 0, null,
                null, "localhost:9092", "tasks", 15, false, false));
    }

    @Test
    void takesBootstrapFromTheEnvironmentUnlessGiven() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9093");

        assertThat(PushTasks.parse(env, "-f", "a", "-s", "gsm8k", "--split", "train").bootstrap()).isEqualTo("broker:9093");
        assertThat(PushTasks.parse(env, "-f", "a", "-s", "gsm8k", "--split", "train", "-b", "other:1").bootstrap())
                .isEqualTo("other:1");
        assertThat(PushTasks.parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "), "-f", "a", "-s", "x", "--split", "train")
                .bootstrap()).isEqualTo("localhost:9092");
    }

    @Test
    void acceptsInlineValues() {
        CliOptions o = PushTasks.parse(NO_ENV, "--file=a.jsonl", "--subject=physics", "--split=train", "--limit=7");

        assertThat(o.file()).isEqualTo(Path.of("a.jsonl"));
        assertThat(o.subject()).isEqualTo("physics");
        assertThat(o.limit()).isEqualTo(7);
    }

    @Test
    void refusesMissingRequiredOptions() {
        assertUsage("--file", "--subject", "gsm8k", "--split", "train");
        assertUsage("--subject", "--file", "a", "--split", "train");
        assertUsage("--split", "--file", "a", "--subject", "gsm8k");
    }

    @Test
    void refusesBadValues() {
        assertUsage("--split must be train or test", "-f", "a", "-s", "x", "--split", "dev");
        assertUsage("'ten' is not an int", "-f", "a", "-s", "x", "--split", "train", "--limit", "ten");
        assertUsage("--limit must be at least 1", "-f", "a", "-s", "x", "--split", "train", "--limit", "0");
        assertUsage("cannot be negative", "-f", "a", "-s", "x", "--split", "train", "--offset", "-2");
        assertUsage("--run: run id 'a b' is not", "-f", "a", "-s", "x", "--split", "train", "--run", "a b");
        assertUsage("cannot be negative", "-f", "a", "-s", "x", "--split", "train", "--round=-1");
    }

    @Test
    void refusesMalformedCommandLines() {
        assertUsage("Unknown options: '--colour', 'red'", "-f", "a", "-s", "x", "--split", "train", "--colour", "red");
        assertUsage("Unmatched argument", "-f", "a", "-s", "x", "--split", "train", "extra");
        assertUsage("Missing required parameter for option '--file'", "--file");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> PushTasks.parse(NO_ENV, args))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining(message);
    }
}
