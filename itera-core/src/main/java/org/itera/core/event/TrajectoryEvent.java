package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A team's run on one task, as emitted on {@code trajectories} (and, later, {@code regenerated}).
 *
 * <p>{@code attempt} is 0 for a generated trajectory and n for the n-th repair of its task;
 * a repaired one names its {@code parentId}, the {@code repairedRole} and the {@link Repair}.
 *
 * <p>{@code game} is the record of a game of the competitive setting (null otherwise): every move
 * parsed, the end reason, final holdings, payoffs and the winner.
 *
 * <p>The id is deterministic: {@link #idFor(TaskEvent, int)}, so a redelivered task yields the
 * same trajectory id and downstream stores recognise it. A task of another setting than
 * problem solving has its setting in front ({@code actor-critic:<task id>@r0#0}), so the same
 * dataset row run in two settings makes two trajectories.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrajectoryEvent(
        String id,
        TaskEvent task,
        String origin,
        String parentId,
        String repairedRole,
        int attempt,
        List<Turn> turns,
        Instant startedAt,
        Instant finishedAt,
        Repair repair,
        GameRecord game) {

    public static final String ORIGIN_GENERATED = "generated";
    public static final String ORIGIN_REGENERATED = "regenerated";

    /** A trajectory straight from the generator, with no repair. */
    public TrajectoryEvent(String id, TaskEvent task, String origin, String parentId, String repairedRole,
            int attempt, List<Turn> turns, Instant startedAt, Instant finishedAt) {
        this(id, task, origin, parentId, repairedRole, attempt, turns, startedAt, finishedAt, null, null);
    }

    /** A trajectory of a setting that keeps no game record. */
    public TrajectoryEvent(String id, TaskEvent task, String origin, String parentId, String repairedRole,
            int attempt, List<Turn> turns, Instant startedAt, Instant finishedAt, Repair repair) {
        this(id, task, origin, parentId, repairedRole, attempt, turns, startedAt, finishedAt, repair, null);
    }

    public static String idFor(TaskEvent task, int attempt) {
        String setting = task.withDefaults().setting();
        String scope = TaskEvent.SETTING_PROBLEM_SOLVING.equals(setting) ? "" : setting + ":";
        return scope + task.id() + "@r" + task.roundOrZero() + "#" + attempt;
    }

    /** The output of the last turn: the team's answer. */
    public String finalOutput() {
        return turns == null || turns.isEmpty() ? "" : turns.get(turns.size() - 1).output();
    }
}
