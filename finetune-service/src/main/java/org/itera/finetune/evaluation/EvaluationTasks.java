package org.itera.finetune.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.Setting;
import org.itera.core.task.InvalidTaskException;
import org.itera.core.task.TaskRows;

/**
 * Reads the evaluation tasks: a JSONL file of dataset rows ({@code ../shared/data}'s id, question,
 * answer, optional choices and context; a game's id, game, seed and overrides), made test-split tasks
 * of one setting, subject and round by {@link TaskRows}, each checked by the setting (a bad line is
 * named with its reasons). A row without an id gets {@code <subject>/eval-<line>}.
 */
public final class EvaluationTasks {

    private EvaluationTasks() {
    }

    public static List<TaskEvent> load(Path file, Setting setting, String subject, int round, int limit)
            throws IOException {
        return load(Files.readAllLines(file), file.toString(), setting, subject, round, limit);
    }

    /** The same from lines read already; {@code source} names them in errors. */
    public static List<TaskEvent> load(List<String> lines, String source, Setting setting, String subject, int round,
            int limit) throws IOException {
        List<TaskEvent> tasks = new ArrayList<>();
        for (int i = 0; i < lines.size() && tasks.size() < limit; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            try {
                JsonNode row = Json.mapper().readTree(lines.get(i));
                if (row instanceof ObjectNode object && !object.hasNonNull("id")) {
                    object.put("id", subject + "/eval-" + (i + 1));
                }
                TaskEvent task = TaskRows.task(row, setting.name(), subject, TaskEvent.SPLIT_TEST, round);
                setting.validate(task.withDefaults(), reasons);
                if (reasons.isEmpty()) {
                    tasks.add(task);
                }
            } catch (InvalidTaskException e) {
                reasons.addAll(e.reasons());
            }
            if (!reasons.isEmpty()) {
                throw new IOException(source + " line " + (i + 1) + ": " + String.join("; ", reasons));
            }
        }
        return tasks;
    }
}
