package org.itera.core.setting.problemsolving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.Episode;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.Rate;
import org.itera.core.setting.RepairPlan;
import org.itera.core.setting.TeamSetting;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * SiriuS's problem-solving teams: the roles speak once each, in order; the last role's answer is
 * graded, and the grade is every role's; a correct episode makes one example per role (its chat
 * and its answer); a failed one is repaired one role at a time, as the {@link RepairPolicy} picks.
 */
public final class ProblemSolvingSetting extends TeamSetting {

    public static final String NAME = TaskEvent.SETTING_PROBLEM_SOLVING;
    /** The one counter: 1 when the final answer is right. */
    public static final String CORRECT = "correct";

    public ProblemSolvingSetting(TeamCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Map<String, List<String>> requiredRoles() {
        return Map.of();
    }

    @Override
    public Episode start(TaskEvent task) {
        return resume(task, List.of());
    }

    @Override
    public Episode resume(TaskEvent task, List<Turn> prefix) {
        return new LinearEpisode(team(task.subject()), task, renderer, prefix);
    }

    @Override
    public Outcome score(TrajectoryEvent trajectory) {
        TeamDefinition team = team(trajectory.task().subject());
        Grade grade = grade(team, trajectory.task(), trajectory.finalOutput());
        Map<String, Double> rewards = new LinkedHashMap<>();
        team.roleNames().forEach(role -> rewards.put(role, grade.correct() ? 1.0 : 0.0));
        return new Outcome(grade.correct(), grade, Map.of(), rewards, Map.of(CORRECT, Outcome.count(grade.correct())));
    }

    @Override
    public List<FinetuneRecord> examples(TrajectoryEvent trajectory, Outcome outcome) {
        if (!outcome.success()) {
            return List.of();
        }
        return trajectory.turns().stream()
                .map(turn -> example(trajectory, turn.role(), turn.messages(), turn.output())).toList();
    }

    @Override
    public Optional<RepairPlan> repairPlan(TrajectoryEvent failed, RepairPolicy policy, int repair) {
        TeamDefinition team = team(failed.task().subject());
        if (!repairs(team.subject())) {
            return Optional.empty();
        }
        int roles = team.roles().size();
        int turns = failed.turns() == null ? 0 : failed.turns().size();
        if (turns != roles) {
            throw new IllegalArgumentException("trajectory " + failed.id() + " has " + turns
                    + " turns, its team has " + roles + " roles");
        }
        return policy.roleFor(team, repair).map(role -> new RepairPlan(role, turnOf(failed, role), failed.turns()));
    }

    private static int turnOf(TrajectoryEvent failed, RoleDefinition role) {
        for (int i = 0; i < failed.turns().size(); i++) {
            if (role.name().equals(failed.turns().get(i).role())) {
                return i;
            }
        }
        throw new IllegalArgumentException("trajectory " + failed.id() + " has no turn of role " + role.name());
    }

    @Override
    public List<String> counters() {
        return List.of(CORRECT);
    }

    @Override
    public List<Rate> rates() {
        return List.of(Rate.ofEpisodes("accuracy", CORRECT));
    }
}
