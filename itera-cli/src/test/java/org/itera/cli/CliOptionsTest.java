package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static CliOptions parse(Map<String, String> env, String... args) throws UsageException {
        return CliOptions.parse(args, env);
    }

    @Test
    void parsesEveryOption() throws UsageException {
        CliOptions o = parse(NO_ENV, "--file", "data/x.jsonl", "--subject", "pubmedqa", "--split", "test",
                "--limit", "20", "--offset", "5", "--round", "3", "--bootstrap", "kafka:29092",
                "--topic", "tasks-demo", "--timeout", "4", "--dry-run", "--strict");

        assertThat(o.file()).isEqualTo(Path.of("data/x.jsonl"));
        assertThat(o.subject()).isEqualTo("pubmedqa");
        assertThat(o.split()).isEqualTo("test");
        assertThat(o.limit()).isEqualTo(20);
        assertThat(o.offset()).isEqualTo(5);
        assertThat(o.round()).isEqualTo(3);
        assertThat(o.bootstrap()).isEqualTo("kafka:29092");
        assertThat(o.topic()).isEqualTo("tasks-demo");
        assertThat(o.timeoutSeconds()).isEqualTo(4);
        assertThat(o.dryRun()).isTrue();
        assertThat(o.strict()).isTrue();
        assertThat(o.help()).isFalse();
    }

    @Test
    void appliesDefaults() throws UsageException {
        CliOptions o = parse(NO_ENV, "--file", "a.jsonl", "--subject", "gsm8k", "--split", "train");

        assertThat(o.limit()).isEqualTo(-1);
        assertThat(o.offset()).isZero();
        assertThat(o.round()).isNull();
        assertThat(o.bootstrap()).isEqualTo("localhost:9092");
        assertThat(o.topic()).isEqualTo("tasks");
        assertThat(o.timeoutSeconds()).isEqualTo(15);
        assertThat(o.dryRun()).isFalse();
        assertThat(o.strict()).isFalse();
    }

    @Test
    void takesBootstrapFromTheEnvironmentUnlessGiven() throws UsageException {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9093");

        assertThat(parse(env, "-f", "a", "-s", "gsm8k", "--split", "train").bootstrap())
                .isEqualTo("broker:9093");
        assertThat(parse(env, "-f", "a", "-s", "gsm8k", "--split", "train", "-b", "other:1").bootstrap())
                .isEqualTo("other:1");
        assertThat(parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "), "-f", "a", "-s", "x", "--split", "train")
                .bootstrap()).isEqualTo("localhost:9092");
    }

    @Test
    void acceptsInlineValues() throws UsageException {
        CliOptions o = parse(NO_ENV, "--file=a.jsonl", "--subject=physics", "--split=train", "--limit=7");

        assertThat(o.file()).isEqualTo(Path.of("a.jsonl"));
        assertThat(o.subject()).isEqualTo("physics");
        assertThat(o.limit()).isEqualTo(7);
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertThat(parse(NO_ENV, "--help").help()).isTrue();
        assertThat(parse(NO_ENV, "--limit", "3", "-h").help()).isTrue();
    }

    @Test
    void refusesMissingRequiredOptions() {
        assertThatThrownBy(() -> parse(NO_ENV, "--subject", "gsm8k", "--split", "train"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--file");
        assertThatThrownBy(() -> parse(NO_ENV, "--file", "a", "--split", "train"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--subject");
        assertThatThrownBy(() -> parse(NO_ENV, "--file", "a", "--subject", "gsm8k"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--split");
    }

    @Test
    void refusesBadValues() {
        assertUsage("--split must be train or test", "-f", "a", "-s", "x", "--split", "dev");
        assertUsage("--limit needs a whole number, not 'ten'", "-f", "a", "-s", "x", "--split", "train",
                "--limit", "ten");
        assertUsage("--limit must be at least 1, not 0", "-f", "a", "-s", "x", "--split", "train",
                "--limit", "0");
        assertUsage("--offset must be at least 0, not -2", "-f", "a", "-s", "x", "--split", "train",
                "--offset", "-2");
        assertUsage("--run: run id 'a b' is not", "-f", "a", "-s", "x", "--split", "train", "--run", "a b");
        assertUsage("--round must be at least 0", "-f", "a", "-s", "x", "--split", "train", "--round=-1");
    }

    @Test
    void refusesMalformedCommandLines() {
        assertUsage("unknown option '--colour'", "--colour", "red");
        assertUsage("unknown option 'extra'", "-f", "a", "extra");
        assertUsage("--file needs a value", "--file");
        assertUsage("--file needs a value", "--file", "--subject", "x");
        assertUsage("--subject needs a non-empty value", "--subject=");
        assertUsage("--dry-run takes no value", "--dry-run=yes");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> CliOptions.parse(args, NO_ENV))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }
}
