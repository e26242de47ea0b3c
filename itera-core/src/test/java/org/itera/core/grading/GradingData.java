package org.itera.core.grading;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/** Reads the shared data set rows as tasks; tests using it are skipped when it is absent. */
final class GradingData {

    /** One JSONL row: the task (with our subject) and its raw JSON for upstream extras. */
    record Row(TaskEvent task, JsonNode json) {
    }

    private GradingData() {
    }

    /** {@code itera.data.dir}, else {@code ../../shared/data} from the module directory. */
    static Path dataDir() {
        String configured = System.getProperty("itera.data.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("../../shared/data").toAbsolutePath().normalize();
    }

    static Stream<Row> rows(String relativePath, String subject, int limit) {
        Path file = dataDir().resolve(relativePath);
        assumeTrue(Files.isRegularFile(file), () -> "data set not found: " + file);
        try (Stream<String> lines = Files.lines(file)) {
            List<Row> rows = lines.filter(line -> !line.isBlank()).limit(limit)
                    .map(line -> toRow(line, subject)).toList();
            return rows.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row toRow(String line, String subject) {
        try {
            JsonNode json = Json.mapper().readTree(line);
            TaskEvent raw = Json.mapper().treeToValue(json, TaskEvent.class);
            TaskEvent task = new TaskEvent(raw.id(), raw.setting(), subject, raw.question(), raw.choices(),
                    raw.context(), raw.answer(), raw.split(), raw.round());
            return new Row(task, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
