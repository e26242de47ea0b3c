package org.itera.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.itera.bench.BenchTasks;
import org.itera.bench.mock.MockLlmServer;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain driver runs every task's team over HTTP, grades it and writes one result line per task. */
class ScriptDriverTest {

    @TempDir
    Path dir;

    @Test
    void runsEveryTaskOnceAndGradesIt() throws Exception {
        List<TaskEvent> tasks = BenchTasks.make("t", "arithmetic", null, 12, null);
        try (MockLlmServer mock = MockLlmServer.start(0, Duration.ofMillis(20), "Answer: 5")) {
            ScriptDriver driver = new ScriptDriver(
                    new HttpAgentCaller("http://127.0.0.1:" + mock.port() + "/v1", "bench-model"), tasks);
            Path out = dir.resolve("results.jsonl");
            try (BufferedWriter writer = Files.newBufferedWriter(out)) {
                driver.run(4, writer);
            }
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(12);
            assertThat(lines.stream().map(ScriptDriverTest::taskId).distinct()).hasSize(12);
            long right = tasks.stream().filter(t -> "5".equals(t.answer())).count();
            assertThat(driver.correct()).isEqualTo((int) right);
            JsonNode first = Json.mapper().readTree(lines.get(0));
            assertThat(first.path("trajectory").path("turns")).hasSize(2);
            assertThat(mock.calls().answered()).isEqualTo(24);
        }
    }

    private static String taskId(String line) {
        try {
            return Json.mapper().readTree(line).path("trajectory").path("task").path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
