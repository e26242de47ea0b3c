package org.itera.core.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.itera.core.event.Seat;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * The one mapping of a dataset line to a task: a JSON object with a question's {@code id},
 * {@code question}, {@code choices}, {@code context} and {@code answer}, or a game's {@code id},
 * {@code game}, {@code seed}, {@code overrides} and {@code seats}, made a task of the given setting,
 * subject, split and round. Everything else on the line ({@code source}, {@code meta}, a
 * {@code models} map, any unknown key) is dropped; whether the task can run is the validator's call.
 */
public final class TaskRows {

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Row(String id, String question, List<String> choices, String context, String answer, String game,
            Long seed, Map<String, Object> overrides, List<Seat> seats) {
    }

    private TaskRows() {
    }

    /** The task of one JSON line; a line that is no JSON object of that shape is an invalid task. */
    public static TaskEvent task(String line, String setting, String subject, String split, Integer round) {
        try {
            return task(Json.mapper().readTree(line), setting, subject, split, round);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskException(List.of("not a JSON object: " + e.getOriginalMessage()));
        }
    }

    public static TaskEvent task(JsonNode line, String setting, String subject, String split, Integer round) {
        if (line == null || !line.isObject()) {
            throw new InvalidTaskException(List.of("not a JSON object: " + (line == null ? "null" : line.getNodeType())));
        }
        Row row;
        try {
            row = Json.mapper().treeToValue(line, Row.class);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskException(List.of("not a task row: " + e.getOriginalMessage()));
        }
        return new TaskEvent(row.id(), setting, subject, row.question(), row.choices(), row.context(), row.answer(),
                split, round, null, row.game(), row.seed(), row.overrides(), row.seats());
    }
}
