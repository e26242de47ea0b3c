package org.itera.finetune.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * Reads the evaluation tasks: a JSONL file in the shape of {@code ../shared/data} (id, question,
 * answer, optional choices and context), made test-split tasks of one setting, subject and
 * round, run with the given model per agent.
 */
public final class EvaluationTasks {

    private EvaluationTasks() {
    }

    public static List<TaskEvent> load(Path file, String setting, String subject, int round, int limit,
            Map<String, String> models) throws IOException {
        List<TaskEvent> tasks = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size() && tasks.size() < limit; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row = Json.mapper().readTree(lines.get(i));
            String question = row.path("question").asText("");
            String answer = row.path("answer").asText("");
            if (question.isBlank() || answer.isBlank()) {
                throw new IOException(file + " line " + (i + 1) + " has no question or answer");
            }
            String id = row.hasNonNull("id") ? row.get("id").asText() : subject + "/eval-" + (i + 1);
            List<String> choices = null;
            if (row.path("choices").isArray()) {
                choices = new ArrayList<>();
                for (JsonNode choice : row.get("choices")) {
                    choices.add(choice.asText());
                }
            }
            String context = row.hasNonNull("context") ? row.get("context").asText() : null;
            tasks.add(new TaskEvent(id, setting, subject, question, choices, context,
                    answer, TaskEvent.SPLIT_TEST, round, models));
        }
        return tasks;
    }
}
