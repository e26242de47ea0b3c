package org.itera.core.setting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.team.TeamDefinition;

/**
 * One SiriuS setting (problem solving, actor-critic, ...): everything the services do that depends
 * on the shape of an episode. A task's {@code setting} picks it from the {@link SettingRegistry};
 * the generator, filter, feedback and finetune services only ever call these methods.
 */
public interface Setting {

    /** The name tasks give in their {@code setting} field. */
    String name();

    /** Adds every reason why the task cannot run in this setting (nothing when it can). */
    void validate(TaskEvent task, List<String> reasons);

    /** What a team of this setting lacks (a role, a step prompt); empty when it can run. */
    List<String> teamProblems(TeamDefinition team);

    /** Why a trajectory of this setting cannot be filed or repaired, if it cannot. */
    Optional<String> trajectoryProblem(TrajectoryEvent trajectory);

    /** A new episode of the task, to be driven by {@code TeamRunner}. */
    Episode start(TaskEvent task);

    /**
     * The episode that goes on from the given turns: the turns before a repaired one and the
     * repaired turn itself (see {@link #repairPlan}).
     */
    Episode resume(TaskEvent task, List<Turn> prefix);

    /** Scores a finished episode against the task. */
    Outcome score(TrajectoryEvent trajectory);

    /** The training examples per role a scored train-split episode yields (maybe none). */
    List<FinetuneRecord> examples(TrajectoryEvent trajectory, Outcome outcome);

    /**
     * Which turn repair number {@code repair} (1-based) of a failed episode works on, or empty
     * when this setting does not repair it (or the policy has no such repair).
     */
    Optional<RepairPlan> repairPlan(TrajectoryEvent failed, RepairPolicy policy, int repair);

    /**
     * Whether failed train episodes of this setting go to the repair loop ({@code failures}); a
     * setting without a ground truth to repair with (the games) says no, and its failures are
     * only stored.
     */
    default boolean repairs() {
        return true;
    }

    /**
     * Whether failed train episodes of this subject's team go to the repair loop: the setting
     * repairs and the team does not opt out (a team's {@code "repair": "none"}).
     */
    default boolean repairs(String subject) {
        return repairs();
    }

    /**
     * The tasks that evaluate a round on one test task: by default the task itself with every agent
     * on its model of the round. {@code roundModels} and {@code baseModels} map each agent of the
     * task's team to its model after the round and its base model.
     */
    default List<TaskEvent> evaluationTasks(TaskEvent task, Map<String, String> roundModels,
            Map<String, String> baseModels) {
        return List.of(task.withModels(roundModels));
    }

    /**
     * What an episode's success is called in reports, e.g. {@code Accuracy} (a final answer right) or,
     * for the games, the share of games won by the trained role.
     */
    default String successName() {
        return "Accuracy";
    }

    /** The names of the counters every {@link Outcome} of this setting carries. */
    List<String> counters();

    /** The rates this setting reports over many episodes (evaluations, library statistics). */
    List<Rate> rates();

    /** The team of a subject in this setting; fails naming both when there is none. */
    TeamDefinition team(String subject);
}
