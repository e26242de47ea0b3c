package org.itera.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.json.Json;

/** The first PubMedQA rows of the shared data, as task events for the {@code tasks} topic. */
final class PubMedQaTasks {

    private PubMedQaTasks() {
    }

    static Path dataDir() {
        return Path.of(System.getProperty("itera.data.dir", "../../shared/data"));
    }

    static List<ObjectNode> first(int count) throws IOException {
        return rows(0, count);
    }

    static List<ObjectNode> rows(int skip, int count) throws IOException {
        try (var lines = Files.lines(dataDir().resolve("pubmedqa/train.jsonl"))) {
            return lines.skip(skip).limit(count).map(PubMedQaTasks::toTask).toList();
        }
    }

    private static ObjectNode toTask(String line) {
        try {
            ObjectNode row = (ObjectNode) Json.mapper().readTree(line);
            row.remove(List.of("source", "meta"));
            return row.put("setting", "problem-solving").put("subject", "pubmedqa").put("split", "train");
        } catch (IOException e) {
            throw new IllegalStateException("unreadable data line", e);
        }
    }

    static String wrongAnswer(String expected) {
        return "yes".equals(expected) ? "no" : "yes";
    }
}
