package org.itera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * The tasks a benchmark run pushes: a dataset file's rows (cycled when the run wants more) or, for
 * {@code arithmetic}, seeded problems; each with an id of this run ({@code <run>-<n>}), so runs
 * never meet each other's trajectories.
 */
public final class BenchTasks {

    private BenchTasks() {
    }

    /**
     * @param dataset JSONL rows with {@code question}, {@code choices}, {@code context} and
     *     {@code answer}; null for seeded arithmetic
     * @param answer when not null, every task's expected answer (e.g. one the mock never gives, so
     *     every run fails and goes to repair)
     */
    public static List<TaskEvent> make(String run, String subject, Path dataset, int count, String answer)
            throws IOException {
        List<TaskEvent> rows = dataset == null
                ? ArithmeticProblems.tasks(Difficulty.DEFAULT, 1, count, TaskEvent.SPLIT_TRAIN)
                : read(subject, dataset);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no tasks in " + dataset);
        }
        List<TaskEvent> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TaskEvent row = rows.get(i % rows.size());
            tasks.add(new TaskEvent(run + "-" + i, TaskEvent.SETTING_PROBLEM_SOLVING, row.subject(), row.question(),
                    row.choices(), row.context(), answer != null ? answer : row.answer(), TaskEvent.SPLIT_TRAIN, 0));
        }
        return tasks;
    }

    private static List<TaskEvent> read(String subject, Path dataset) throws IOException {
        List<TaskEvent> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dataset)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = Json.mapper().readTree(line);
            List<String> choices = new ArrayList<>();
            row.path("choices").forEach(c -> choices.add(c.asText()));
            rows.add(new TaskEvent(row.path("id").asText(), TaskEvent.SETTING_PROBLEM_SOLVING, subject,
                    row.path("question").asText(), choices.isEmpty() ? null : choices,
                    row.hasNonNull("context") ? row.get("context").asText() : null,
                    row.path("answer").asText(), TaskEvent.SPLIT_TRAIN, 0));
        }
        return rows;
    }
}
