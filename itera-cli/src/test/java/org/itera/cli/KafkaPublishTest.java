package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itera.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tool against a real Kafka broker (KRaft, inside this JVM). */
class KafkaPublishTest {

    private static EmbeddedKafkaBroker broker;
    private static KafkaCompanion companion;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker()
                .withNodeId(0)
                .withKafkaPort(0)
                .withDeleteLogDirsOnClose(true)
                .start();
        bootstrap = broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
        companion = new KafkaCompanion(bootstrap);
        companion.topics().createAndWait("tasks", 1);
    }

    @AfterAll
    static void stopBroker() {
        if (companion != null) {
            companion.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pushesTwentyPubMedQaRowsThatReadBackAsTasks() throws IOException {
        List<String> lines = TestData.firstLines(TestData.pubmedqa(), 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = PushTasks.run(new String[] {"--file", TestData.pubmedqa().toString(), "--subject", "pubmedqa",
            "--split", "train", "--limit", "20", "--bootstrap", bootstrap},
                print(out), print(err), Map.of(), TaskPublisher::connect);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("sent 20 tasks (subject=pubmedqa, split=train)"
                + " to tasks on " + bootstrap + "; skipped 0 invalid\n");
        ConsumerTask<String, String> consumed = companion.consumeStrings()
                .fromTopics("tasks", 20)
                .awaitCompletion(Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> records = consumed.getRecords();
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyElementsOf(
                lines.stream().map(TestData::idOf).toList());
        for (ConsumerRecord<String, String> record : records) {
            JsonNode task = Json.mapper().readTree(record.value());
            assertThat(task.get("id").asText()).isEqualTo(record.key());
            assertThat(task.get("subject").asText()).isEqualTo("pubmedqa");
            assertThat(task.get("split").asText()).isEqualTo("train");
            assertThat(task.get("setting").asText()).isEqualTo("problem-solving");
            assertThat(task.get("answer").asText()).isIn("yes", "no", "maybe");
            assertThat(task.has("meta")).isFalse();
            assertThat(task.has("source")).isFalse();
        }
    }

    @Test
    void givesUpClearlyWhenNoBrokerListens() throws IOException {
        String nowhere = "localhost:" + freePort();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        long start = System.nanoTime();
        int status = PushTasks.run(new String[] {"--file", TestData.pubmedqa().toString(), "--subject", "pubmedqa",
            "--split", "train", "--limit", "3", "--bootstrap", nowhere, "--timeout", "2"},
                print(out), print(err), Map.of(), TaskPublisher::connect);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach Kafka at " + nowhere);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
