package org.itera.core.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * Data set rows as tasks: always the synthetic rows of {@code src/test/resources/fixture-data}
 * (the shared files' format and answer forms, written for these tests), and the shared data set's
 * own rows too when {@code itera.data.dir} or {@code ../../shared/data} has the file.
 */
final class GradingData {

    /** One JSONL row: the task (with our subject) and its raw JSON for upstream extras. */
    record Row(TaskEvent task, JsonNode json) {
    }

    private GradingData() {
    }

    /** {@code itera.data.dir}, else {@code ../../shared/data} from the module directory. */
    static Path sharedDataDir() {
        String configured = System.getProperty("itera.data.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("../../shared/data").toAbsolutePath().normalize();
    }

    /** The fixture rows of {@code relativePath}, then the first {@code limit} shared ones if there. */
    static Stream<Row> rows(String relativePath, String subject, int limit) {
        List<Row> rows = new ArrayList<>(read(fixture(relativePath), subject, Integer.MAX_VALUE));
        Path shared = sharedDataDir().resolve(relativePath);
        if (Files.isRegularFile(shared)) {
            rows.addAll(read(shared, subject, limit));
        }
        return rows.stream();
    }

    private static Path fixture(String relativePath) {
        URL url = Optional.ofNullable(GradingData.class.getResource("/fixture-data/" + relativePath))
                .orElseThrow(() -> new IllegalStateException("test resource fixture-data/" + relativePath
                        + " is missing"));
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> read(Path file, String subject, int limit) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).limit(limit).map(line -> toRow(line, subject)).toList();
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
