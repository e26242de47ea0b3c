package org.itera.core.setting.actorcritic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;
import org.itera.core.grading.Grader;
import org.itera.core.setting.Outcome;
import org.itera.core.team.TeamDefinition;

/**
 * Scores an actor-critic trajectory against the correct answer: the actor's first answer, the
 * judge's first verdict and its label (PT, PF, NT, NF), the final answer, and whether the critic
 * helped (a rejected episode whose final answer is right). The outcome's success is the final
 * answer's correctness.
 */
final class ActorCriticScoring {

    private ActorCriticScoring() {
    }

    static Outcome score(TeamDefinition team, TaskEvent task, ActorCriticTurns turns) {
        Optional<Turn> solve = turns.solve();
        if (solve.isEmpty()) {
            return new Outcome(false, Grade.noAnswer(task.answer(), "the actor never answered"), Map.of(), Map.of(),
                    counters(false, false, null, null, false));
        }
        Grade first = grade(team, task, solve.get());
        Grade last = grade(team, task, turns.finalAnswer().orElseThrow());
        ActorCriticRules rules = ActorCriticRules.of(team);
        Optional<Verdict> verdict = turns.firstJudge().map(judge -> rules.verdictOf(judge.output()));
        JudgeLabel label = verdict.map(v -> JudgeLabel.of(first.correct(), v)).orElse(null);
        boolean helped = verdict.map(Verdict::rejects).orElse(false) && last.correct();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Double> rewards = new LinkedHashMap<>();
        labels.put(ActorCriticSetting.ACTOR, first.correct() ? "right" : "wrong");
        rewards.put(ActorCriticSetting.ACTOR, last.correct() ? 1.0 : 0.0);
        if (label != null) {
            labels.put(ActorCriticSetting.JUDGE, label.name());
            rewards.put(ActorCriticSetting.JUDGE, label.judgeRight() ? 1.0 : 0.0);
        }
        if (turns.critiqued()) {
            labels.put(ActorCriticSetting.CRITIC, helped ? "helped" : "did-not-help");
            rewards.put(ActorCriticSetting.CRITIC, helped ? 1.0 : 0.0);
        }
        return new Outcome(last.correct(), last, labels, rewards,
                counters(first.correct(), last.correct(), verdict.orElse(null), label, helped));
    }

    static Grade grade(TeamDefinition team, TaskEvent task, Turn answer) {
        return Grader.grade(team.answerFormatFor(task), task, answer.output());
    }

    private static Map<String, Integer> counters(boolean firstRight, boolean finalRight, Verdict verdict,
            JudgeLabel label, boolean helped) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (JudgeLabel each : JudgeLabel.values()) {
            counters.put(each.name(), Outcome.count(each == label));
        }
        counters.put(ActorCriticSetting.UNPARSED, Outcome.count(verdict == Verdict.UNPARSED));
        counters.put(ActorCriticSetting.JUDGED, Outcome.count(verdict != null));
        counters.put(ActorCriticSetting.JUDGE_CORRECT, Outcome.count(label != null && label.judgeRight()));
        counters.put(ActorCriticSetting.ACTOR_CORRECT, Outcome.count(firstRight));
        counters.put(ActorCriticSetting.FINAL_CORRECT, Outcome.count(finalRight));
        counters.put(ActorCriticSetting.REJECTED, Outcome.count(verdict != null && verdict.rejects()));
        counters.put(ActorCriticSetting.CRITIC_HELPED, Outcome.count(helped));
        return counters;
    }
}
