package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A task as a user pushes it onto the {@code tasks} topic (see the design brief).
 *
 * <p>{@code round} is optional: 0 for ordinary work, the evaluation round otherwise.
 *
 * <p>{@code models} is optional: agent id ({@code <subject>-<role>}) to the model that agent uses
 * for this task only (an evaluation of an older round runs with that round's models). Absent or
 * null, and for every agent it does not name, the generator's current model applies.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskEvent(
        String id,
        String setting,
        String subject,
        String question,
        List<String> choices,
        String context,
        String answer,
        String split,
        Integer round,
        Map<String, String> models) {

    public static final String SETTING_PROBLEM_SOLVING = "problem-solving";
    public static final String SPLIT_TRAIN = "train";
    public static final String SPLIT_TEST = "test";

    /** A task without per-task models. */
    public TaskEvent(String id, String setting, String subject, String question, List<String> choices,
            String context, String answer, String split, Integer round) {
        this(id, setting, subject, question, choices, context, answer, split, round, null);
    }

    /** The same task with the defaults applied for the optional fields. */
    public TaskEvent withDefaults() {
        return new TaskEvent(id,
                setting == null || setting.isBlank() ? SETTING_PROBLEM_SOLVING : setting,
                subject, question, choices, context, answer,
                split == null || split.isBlank() ? SPLIT_TRAIN : split,
                round == null ? 0 : round, models);
    }

    /** The same task, run with these models for the agents they name (null: the current ones). */
    public TaskEvent withModels(Map<String, String> perAgent) {
        return new TaskEvent(id, setting, subject, question, choices, context, answer, split, round,
                perAgent == null ? null : Map.copyOf(perAgent));
    }

    public int roundOrZero() {
        return round == null ? 0 : round;
    }

    public boolean hasChoices() {
        return choices != null && !choices.isEmpty();
    }

    /** Whether the task names a model of its own for at least one agent. */
    public boolean hasModels() {
        return models != null && !models.isEmpty();
    }
}
