package org.itera.core.setting.actorcritic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.Outcome;
import org.itera.core.team.TeamDefinition;

/**
 * Which examples an actor-critic episode gives each role ({@link ActorCriticRules} switches each
 * rule): the actor learns its solve prompt with its accepted right first answer, or with the
 * rephrased answer of a rejected episode that ended right (always the ORIGINAL solve prompt,
 * never the feedback prompt), and a repaired first answer that is right; the judge learns the
 * verdicts that matched the truth (PT, NT; never an unreadable one); the critic learns feedback
 * after which the answer was right.
 */
final class ActorCriticExamples {

    private ActorCriticExamples() {
    }

    interface ExampleMaker {
        FinetuneRecord make(String role, Turn turn, String answer);
    }

    static List<FinetuneRecord> select(TeamDefinition team, TrajectoryEvent trajectory, Outcome outcome,
            ExampleMaker maker) {
        ActorCriticRules rules = ActorCriticRules.of(team);
        ActorCriticTurns turns = new ActorCriticTurns(trajectory.turns());
        List<FinetuneRecord> examples = new ArrayList<>();
        actor(rules, turns, outcome).ifPresent(answer ->
                examples.add(maker.make(ActorCriticSetting.ACTOR, turns.solve().orElseThrow(), answer)));
        String label = outcome.labels().get(ActorCriticSetting.JUDGE);
        boolean readable = outcome.counters().getOrDefault(ActorCriticSetting.UNPARSED, 0) == 0;
        if (rules.trainJudge() && label != null && readable && JudgeLabel.valueOf(label).judgeRight()) {
            Turn judge = turns.firstJudge().orElseThrow();
            examples.add(maker.make(ActorCriticSetting.JUDGE, judge, judge.output()));
        }
        if (rules.trainCritic()) {
            helpfulCritique(team, trajectory, turns, rules).ifPresent(critique ->
                    examples.add(maker.make(ActorCriticSetting.CRITIC, critique, critique.output())));
        }
        return examples;
    }

    /** The answer the actor learns for its solve prompt, if any. */
    private static Optional<String> actor(ActorCriticRules rules, ActorCriticTurns turns, Outcome outcome) {
        if (!outcome.success()) {
            return Optional.empty();
        }
        Turn last = turns.finalAnswer().orElseThrow();
        boolean revised = ActorCriticSetting.REPHRASE.equals(last.step());
        boolean repaired = turns.firstJudge().isEmpty();
        if (revised ? rules.trainActorRevised() : (rules.trainActorAccepted() || repaired)) {
            return Optional.of(last.output());
        }
        return Optional.empty();
    }

    private static Optional<Turn> helpfulCritique(TeamDefinition team, TrajectoryEvent trajectory,
            ActorCriticTurns turns, ActorCriticRules rules) {
        List<Turn> all = turns.turns();
        for (int i = 0; i < all.size(); i++) {
            if (!ActorCriticSetting.CRITIQUE.equals(all.get(i).step())) {
                continue;
            }
            Optional<Turn> after = turns.answerAfter(i);
            boolean rightAfter = after.isPresent()
                    && ActorCriticScoring.grade(team, trajectory.task(), after.get()).correct();
            boolean wrongBefore = turns.answerBefore(i)
                    .map(before -> !ActorCriticScoring.grade(team, trajectory.task(), before).correct()).orElse(true);
            if (rightAfter && (!rules.criticOnlyWhenItFixed() || wrongBefore)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }
}
