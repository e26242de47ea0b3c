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

/**
 * Reads the evaluation tasks: a JSONL file of rows in the shape of a task ({@code ../shared/data}'s
 * id, question, answer, optional choices and context; a game's id, game, seed and overrides), made
 * test-split tasks of one setting, subject and round, each checked by the setting (a bad line is
 * named with its reasons).
 */
public final class EvaluationTasks {

    private EvaluationTasks() {
    }

    public static List<TaskEvent> load(Path file, Setting setting, String subject, int round, int limit)
            throws IOException {
        List<TaskEvent> tasks = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size() && tasks.size() < limit; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            TaskEvent task = task(Json.mapper().readTree(lines.get(i)), setting.name(), subject, round, i + 1);
            List<String> reasons = new ArrayList<>();
            setting.validate(task, reasons);
            if (!reasons.isEmpty()) {
                throw new IOException(file + " line " + (i + 1) + ": " + String.join("; ", reasons));
            }
            tasks.add(task);
        }
        return tasks;
    }

    private static TaskEvent task(JsonNode row, String setting, String subject, int round, int line)
            throws IOException {
        if (!(row instanceof ObjectNode object)) {
            throw new IOException("line " + line + " is not a JSON object");
        }
        object.put("setting", setting).put("subject", subject).put("split", TaskEvent.SPLIT_TEST).put("round", round);
        object.remove("models");
        if (!object.hasNonNull("id")) {
            object.put("id", subject + "/eval-" + line);
        }
        if (object.hasNonNull("game") && !object.get("game").asText().equals(subject)) {
            throw new IOException("line " + line + " is a game of " + object.get("game").asText() + ", not of " + subject);
        }
        if (object.has("game") || setting.equals("competitive")) {
            object.put("game", subject);
        }
        return Json.mapper().treeToValue(object, TaskEvent.class);
    }
}
