package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A task as a user pushes it onto the {@code tasks} topic (see the design brief).
 *
 * <p>{@code round} is optional: 0 for ordinary work, the evaluation round otherwise.
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
        Integer round) {

    public static final String SETTING_PROBLEM_SOLVING = "problem-solving";
    public static final String SPLIT_TRAIN = "train";
    public static final String SPLIT_TEST = "test";

    /** The same task with the defaults applied for the optional fields. */
    public TaskEvent withDefaults() {
        return new TaskEvent(id,
                setting == null || setting.isBlank() ? SETTING_PROBLEM_SOLVING : setting,
                subject, question, choices, context, answer,
                split == null || split.isBlank() ? SPLIT_TRAIN : split,
                round == null ? 0 : round);
    }

    public int roundOrZero() {
        return round == null ? 0 : round;
    }

    public boolean hasChoices() {
        return choices != null && !choices.isEmpty();
    }
}
