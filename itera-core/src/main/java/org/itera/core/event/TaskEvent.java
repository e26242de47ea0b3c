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
 *
 * <p>A game of the competitive setting has no question or answer; it names its {@code game}
 * (which is also its subject), an optional {@code seed} (the game's sampling seeds derive from it),
 * {@code overrides} of the game's data (holdings, values, move limit, first mover, trainable
 * roles, ...) and optional {@code seats} (which agent, and optionally which model, plays each
 * side, in the game's role order).
 *
 * <p>{@code run} is optional: the run the task belongs to (the CLI and the round driver always set
 * one; users pushing their own tasks may). Every trajectory, library entry, repair and dead letter
 * of the task carries it, and {@code GET /runs/{run}} on filter-service reports the run from them.
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
        Map<String, String> models,
        String game,
        Long seed,
        Map<String, Object> overrides,
        List<Seat> seats,
        String run) {

    public static final String SETTING_PROBLEM_SOLVING = "problem-solving";
    public static final String SPLIT_TRAIN = "train";
    public static final String SPLIT_TEST = "test";

    /** A task outside any run. */
    public TaskEvent(String id, String setting, String subject, String question, List<String> choices,
            String context, String answer, String split, Integer round, Map<String, String> models, String game,
            Long seed, Map<String, Object> overrides, List<Seat> seats) {
        this(id, setting, subject, question, choices, context, answer, split, round, models, game, seed, overrides,
                seats, null);
    }

    /** A task of a setting with a question and an answer (no game fields). */
    public TaskEvent(String id, String setting, String subject, String question, List<String> choices,
            String context, String answer, String split, Integer round, Map<String, String> models) {
        this(id, setting, subject, question, choices, context, answer, split, round, models, null, null, null, null);
    }

    /** A task without per-task models. */
    public TaskEvent(String id, String setting, String subject, String question, List<String> choices,
            String context, String answer, String split, Integer round) {
        this(id, setting, subject, question, choices, context, answer, split, round, null);
    }

    /** A game task of the given setting: its game is its subject. */
    public static TaskEvent ofGame(String id, String setting, String game, Long seed, Map<String, Object> overrides,
            String split, Integer round) {
        return new TaskEvent(id, setting, game, null, null, null, null, split, round, null, game, seed, overrides,
                null);
    }

    /**
     * The same task with the defaults applied for the optional fields (a game's subject is its
     * game when the task names none).
     */
    public TaskEvent withDefaults() {
        return new TaskEvent(id,
                setting == null || setting.isBlank() ? SETTING_PROBLEM_SOLVING : setting,
                (subject == null || subject.isBlank()) && game != null ? game : subject,
                question, choices, context, answer,
                split == null || split.isBlank() ? SPLIT_TRAIN : split,
                round == null ? 0 : round, models, game, seed, overrides, seats, run);
    }

    /** The same task, run with these models for the agents they name (null: the current ones). */
    public TaskEvent withModels(Map<String, String> perAgent) {
        return new TaskEvent(id, setting, subject, question, choices, context, answer, split, round,
                perAgent == null ? null : Map.copyOf(perAgent), game, seed, overrides, seats, run);
    }

    /** The same task under another id, with other game overrides (e.g. one evaluation game per trained role). */
    public TaskEvent withIdAndOverrides(String newId, Map<String, Object> newOverrides) {
        return new TaskEvent(newId, setting, subject, question, choices, context, answer, split, round, models, game,
                seed, newOverrides == null ? null : Map.copyOf(newOverrides), seats, run);
    }

    /** The same task as part of the given run (null: of none). */
    public TaskEvent withRun(String runId) {
        return new TaskEvent(id, setting, subject, question, choices, context, answer, split, round, models, game,
                seed, overrides, seats, runId);
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
