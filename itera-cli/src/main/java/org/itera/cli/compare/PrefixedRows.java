package org.itera.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.json.Json;

/**
 * A team's copy of dataset rows with each task id prefixed {@code <prefix>} (the comparison's tag
 * and the team, {@code cmp-3f2a/arithmetic-star/}): the methods run the same tasks, but no two
 * teams, and no two comparisons, share a task id and so a trajectory id. The report takes the
 * prefix off again to pair the methods' outcomes task by task.
 */
final class PrefixedRows {

    private PrefixedRows() {
    }

    /** Writes rows {@code from} .. {@code from + count - 1} (blank lines not counted) of {@code source} to {@code target}. */
    static Path write(Path source, int from, int count, String prefix, Path target) throws IOException {
        List<String> rows = Files.readAllLines(source).stream().filter(line -> !line.isBlank()).toList();
        List<String> out = new ArrayList<>();
        for (int i = from; i < Math.min(rows.size(), from + count); i++) {
            JsonNode row = Json.mapper().readTree(rows.get(i));
            if (!(row instanceof ObjectNode object)) {
                throw new IOException(source + " row " + (i + 1) + " is not a JSON object");
            }
            String id = object.hasNonNull("id") ? object.get("id").asText() : "row-" + (i + 1);
            object.put("id", prefix + id);
            out.add(Json.mapper().writeValueAsString(object));
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, out);
        return target;
    }

    /** The task id without the prefix (unchanged when it does not start with it). */
    static String unprefixed(String taskId, String prefix) {
        return taskId.startsWith(prefix) ? taskId.substring(prefix.length()) : taskId;
    }
}
