package org.itera.core.setting.actorcritic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.Episode;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.Rate;
import org.itera.core.setting.RepairPlan;
import org.itera.core.setting.TeamSetting;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * SiriuS's actor-judge-critic setting ({@code "setting": "actor-critic"}): roles {@code actor},
 * {@code judge} and {@code critic} (agents {@code <subject>-actor}, ...), the episode of
 * {@link ActorCriticEpisode}, scored by {@link ActorCriticScoring} and turned into examples by
 * {@link ActorCriticExamples}. A train episode whose final answer is wrong is repaired like a
 * team's: the repair loop's critic, who knows the answer, works on the actor's first answer, and
 * the repaired episode ends with the rephrased result.
 */
public final class ActorCriticSetting extends TeamSetting {

    public static final String NAME = "actor-critic";
    public static final String ACTOR = "actor";
    public static final String JUDGE = "judge";
    public static final String CRITIC = "critic";
    public static final String SOLVE = "solve";
    public static final String CRITIQUE = "critique";
    public static final String REGENERATE = "regenerate";
    public static final String REPHRASE = "rephrase";

    static final String UNPARSED = "unparsed";
    static final String JUDGED = "judged";
    static final String JUDGE_CORRECT = "judgeCorrect";
    static final String ACTOR_CORRECT = "actorCorrect";
    static final String FINAL_CORRECT = "finalCorrect";
    static final String REJECTED = "rejected";
    static final String CRITIC_HELPED = "criticHelped";

    public ActorCriticSetting(TeamCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Map<String, List<String>> requiredRoles() {
        return Map.of(ACTOR, List.of(REGENERATE, REPHRASE), JUDGE, List.of(), CRITIC, List.of());
    }

    @Override
    public Episode start(TaskEvent task) {
        return new ActorCriticEpisode(team(task.subject()), task, renderer);
    }

    /** After a repair of the actor's first answer (the only turn given) the episode is done. */
    @Override
    public Episode resume(TaskEvent task, List<Turn> prefix) {
        if (prefix.size() != 1 || !ACTOR.equals(prefix.get(0).role())) {
            throw new IllegalArgumentException("an actor-critic episode resumes from the actor's repaired first answer"
                    + " alone, not from " + prefix.stream().map(Turn::role).toList());
        }
        return ActorCriticEpisode.repaired(team(task.subject()), task, renderer, prefix.get(0));
    }

    @Override
    public Optional<String> trajectoryProblem(TrajectoryEvent trajectory) {
        return super.trajectoryProblem(trajectory).or(() -> new ActorCriticTurns(trajectory.turns()).solve().isPresent()
                ? Optional.empty()
                : Optional.of("trajectory " + trajectory.id() + " has no turn of the actor's '" + SOLVE + "' step"));
    }

    @Override
    public Outcome score(TrajectoryEvent trajectory) {
        return ActorCriticScoring.score(team(trajectory.task().subject()), trajectory.task(),
                new ActorCriticTurns(trajectory.turns()));
    }

    @Override
    public List<FinetuneRecord> examples(TrajectoryEvent trajectory, Outcome outcome) {
        return ActorCriticExamples.select(team(trajectory.task().subject()), trajectory, outcome,
                (role, turn, answer) -> example(trajectory, role, turn.messages(), answer));
    }

    @Override
    public Optional<RepairPlan> repairPlan(TrajectoryEvent failed, RepairPolicy policy, int repair) {
        if (!policy.allows(repair) || !repairs(failed.task().subject())) {
            return Optional.empty();
        }
        TeamDefinition team = team(failed.task().subject());
        ActorCriticTurns turns = new ActorCriticTurns(failed.turns());
        Turn solve = turns.solve().orElseThrow(() -> new IllegalArgumentException(
                "trajectory " + failed.id() + " has no turn of the actor's '" + SOLVE + "' step"));
        Turn last = turns.finalAnswer().orElseThrow();
        List<Turn> shown = last == solve ? List.of(solve) : List.of(solve, last);
        return Optional.of(new RepairPlan(team.role(ACTOR).orElseThrow(), turns.indexOf(solve), shown));
    }

    @Override
    public List<String> counters() {
        return List.of("PT", "PF", "NT", "NF", UNPARSED, JUDGED, JUDGE_CORRECT, ACTOR_CORRECT, FINAL_CORRECT, REJECTED,
                CRITIC_HELPED);
    }

    /** TP accuracy = PT/N, overall = final answers right/N, judge = (PT+NT)/N, critic help = helped/rejected. */
    @Override
    public List<Rate> rates() {
        return List.of(Rate.ofEpisodes("tpAccuracy", "PT"), Rate.ofEpisodes("overallAccuracy", FINAL_CORRECT),
                Rate.ofEpisodes("judgeAccuracy", JUDGE_CORRECT), new Rate("criticHelpRate", CRITIC_HELPED, REJECTED));
    }
}
