package org.itera.core.setting.actorcritic;

import java.util.List;
import java.util.Optional;
import org.itera.core.event.Turn;

/**
 * The turns of an actor-critic trajectory by what they did: the actor's first answer, the
 * judge's first verdict, the critic's feedback and the rephrased answers. A repaired trajectory
 * has the (repaired) first answer only.
 */
record ActorCriticTurns(List<Turn> turns) {

    Optional<Turn> solve() {
        return first(ActorCriticSetting.SOLVE);
    }

    Optional<Turn> firstJudge() {
        return first(ActorCriticSetting.JUDGE);
    }

    /** The actor's last answer: the last rephrased one, else the first. */
    Optional<Turn> finalAnswer() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (ActorCriticSetting.REPHRASE.equals(turns.get(i).step())) {
                return Optional.of(turns.get(i));
            }
        }
        return solve();
    }

    /** The actor's answer after the critique at {@code index}: the next rephrased one. */
    Optional<Turn> answerAfter(int index) {
        return turns.subList(index + 1, turns.size()).stream()
                .filter(t -> ActorCriticSetting.REPHRASE.equals(t.step())).findFirst();
    }

    /** The actor's answer the critique at {@code index} was about: the last one before it. */
    Optional<Turn> answerBefore(int index) {
        for (int i = index - 1; i >= 0; i--) {
            String step = turns.get(i).step();
            if (ActorCriticSetting.REPHRASE.equals(step) || ActorCriticSetting.SOLVE.equals(step)) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }

    boolean critiqued() {
        return first(ActorCriticSetting.CRITIQUE).isPresent();
    }

    int indexOf(Turn turn) {
        return turns.indexOf(turn);
    }

    private Optional<Turn> first(String step) {
        return turns.stream().filter(t -> step.equals(t.step())).findFirst();
    }
}
