package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itera.core.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tool end to end, on a mock producer (the real broker is in {@link KafkaPublishTest}). */
class PushTasksTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private MockProducer<String, String> producer;

    @TempDir
    Path dir;

    @BeforeEach
    void freshProducer() {
        producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    }

    private int run(String... args) {
        PushCommand.PublisherFactory factory =
                (bootstrap, topic, timeout) -> new TaskPublisher(producer, topic, Duration.ofSeconds(5), bootstrap);
        return PushTasks.run(args, print(stdout), print(stderr), Map.of(), factory);
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Three PubMedQA lines, the second without its answer. */
    private Path mixedFile() throws IOException {
        List<String> lines = new ArrayList<>(TestData.firstLines(TestData.pubmedqa(), 3));
        lines.set(1, lines.get(1).replaceFirst("\"answer\": \"(yes|no|maybe)\", ", ""));
        assertThat(lines.get(1)).doesNotContain("\"answer\"");
        return Files.write(dir.resolve("mixed.jsonl"), lines);
    }

    @Test
    void printsHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("Usage: push").contains("--file=FILE", "--strict", "Exit status");
    }

    @Test
    void explainsUsageErrors() {
        assertThat(run("--file", "x.jsonl", "--subject", "pubmedqa")).isEqualTo(64);
        assertThat(err()).contains("Missing required option: '--split=train|test'", "Usage: push");
        assertThat(out()).isEmpty();
    }

    @Test
    void refusesAnUnknownSubjectBeforeReading() {
        assertThat(run("--file", "x.jsonl", "--subject", "astrology", "--split", "train")).isEqualTo(64);
        assertThat(err()).contains("unknown subject 'astrology'", "pubmedqa");
    }

    @Test
    void failsOnAMissingFile() {
        assertThat(run("--file", dir.resolve("nope.jsonl").toString(), "--subject", "pubmedqa", "--split", "train"))
                .isEqualTo(1);
        assertThat(err()).contains("no such file");
    }

    @Test
    void sendsAWindowOfRows() throws IOException {
        int status = run("--file", TestData.pubmedqa().toString(), "--subject", "pubmedqa", "--split", "train",
                "--limit", "4", "--offset", "2", "--bootstrap", "mock:9092");

        assertThat(status).isZero();
        assertThat(out()).isEqualTo(
                "sent 4 tasks (subject=pubmedqa, split=train) to tasks on mock:9092; skipped 0 invalid\n");
        List<String> lines = TestData.firstLines(TestData.pubmedqa(), 6);
        assertThat(producer.history()).extracting(r -> r.key())
                .containsExactlyElementsOf(lines.subList(2, 6).stream().map(TestData::idOf).toList());
        assertThat(err()).contains("4/4 sent").doesNotContain("invalid");
    }

    @Test
    void sendsTheValidLinesAndExitsTwoWhenSomeAreInvalid() throws IOException {
        int status = run("-f", mixedFile().toString(), "-s", "pubmedqa", "--split", "test", "-b", "mock:9092");

        assertThat(status).isEqualTo(2);
        assertThat(producer.history()).hasSize(2);
        assertThat(err()).contains("invalid line 2: missing answer");
        assertThat(out()).isEqualTo(
                "sent 2 tasks (subject=pubmedqa, split=test) to tasks on mock:9092; skipped 1 invalid\n");
    }

    @Test
    void strictSendsNothingWhenALineIsInvalid() throws IOException {
        int status = run("-f", mixedFile().toString(), "-s", "pubmedqa", "--split", "train", "--strict");

        assertThat(status).isEqualTo(2);
        assertThat(producer.history()).isEmpty();
        assertThat(err()).contains("invalid line 2: missing answer", "--strict, so nothing was sent");
        assertThat(out()).isEmpty();
    }

    @Test
    void needsNoBrokerWhenNothingIsLeftToSend() throws IOException {
        producer.partitionsForException = new TimeoutException("not reachable");

        int status = run("-f", TestData.pubmedqa().toString(), "-s", "pubmedqa", "--split", "train",
                "--offset", String.valueOf(TestData.rowCount(TestData.pubmedqa())), "-b", "mock:9092");

        assertThat(status).isZero();
        assertThat(out()).isEqualTo(
                "sent 0 tasks (subject=pubmedqa, split=train) to tasks on mock:9092; skipped 0 invalid\n");
    }

    @Test
    void dryRunPrintsTheEventsWithoutSending() throws IOException {
        int status = run("-f", TestData.pubmedqa().toString(), "-s", "pubmedqa", "--split", "train",
                "--limit", "2", "--round", "1", "--dry-run");

        assertThat(status).isZero();
        assertThat(producer.history()).isEmpty();
        String[] lines = out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(Json.mapper().readTree(lines[0]).get("round").asInt()).isEqualTo(1);
        assertThat(lines[0]).doesNotContain("\"meta\"", "\"source\"");
        assertThat(lines[2]).isEqualTo("dry run: would send 2 tasks (subject=pubmedqa, split=train, round=1)"
                + " to tasks on localhost:9092; skipped 0 invalid");
    }

    @Test
    void marksEveryTaskWithTheRunGiven() throws IOException {
        int status = run("-f", TestData.pubmedqa().toString(), "-s", "pubmedqa", "--split", "train",
                "--limit", "2", "--run", "run-20261206-121500-3fa9", "--dry-run");

        assertThat(status).isZero();
        String[] lines = out().split("\n");
        assertThat(Json.mapper().readTree(lines[0]).get("run").asText()).isEqualTo("run-20261206-121500-3fa9");
        assertThat(Json.mapper().readTree(lines[1]).get("run").asText()).isEqualTo("run-20261206-121500-3fa9");
        assertThat(lines[2]).contains("run=run-20261206-121500-3fa9");
    }

    @Test
    void exitsOneWhenTheBrokerIsUnreachable() throws IOException {
        producer.partitionsForException = new TimeoutException("Topic tasks not present in metadata after 15000 ms.");

        int status = run("-f", TestData.pubmedqa().toString(), "-s", "pubmedqa", "--split", "train", "-n", "2");

        assertThat(status).isEqualTo(1);
        assertThat(producer.history()).isEmpty();
        assertThat(err()).contains("cannot reach Kafka at localhost:9092");
        assertThat(out()).isEmpty();
    }
}
