package org.itera.generator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.task.InvalidTaskException;
import org.itera.core.task.TaskValidator;

/**
 * A request body of tasks, either a JSON array or JSON Lines, read item by item: the valid tasks,
 * and for each invalid one its position (1-based array index or line number) and reasons.
 */
record TaskBatch(List<TaskEvent> tasks, List<Problem> problems) {

    /** Why one item of the body was refused. */
    record Problem(int item, String id, List<String> reasons) {
    }

    static TaskBatch read(String body, TaskValidator validator) {
        List<TaskEvent> tasks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> items = splitItems(body);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null) {
                continue;
            }
            try {
                tasks.add(validator.parse(item));
            } catch (InvalidTaskException e) {
                problems.add(new Problem(i + 1, idOf(item), e.reasons()));
            }
        }
        return new TaskBatch(tasks, problems);
    }

    /** The body's items as JSON texts; blank JSONL lines are kept as {@code null} to count lines. */
    private static List<String> splitItems(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the body is empty: send a JSON array of tasks or one task per line");
        }
        if (!trimmed.startsWith("[")) {
            return trimmed.lines().map(line -> line.isBlank() ? null : line).toList();
        }
        try {
            JsonNode array = Json.mapper().readTree(trimmed);
            List<String> items = new ArrayList<>();
            array.forEach(node -> items.add(node.toString()));
            return items;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not a valid JSON array: " + e.getOriginalMessage());
        }
    }

    private static String idOf(String item) {
        try {
            JsonNode id = Json.mapper().readTree(item).get("id");
            return id == null || id.isNull() ? null : id.asText();
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}
