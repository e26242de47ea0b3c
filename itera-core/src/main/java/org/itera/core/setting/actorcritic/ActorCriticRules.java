package org.itera.core.setting.actorcritic;

import org.itera.core.team.TeamDefinition;

/**
 * The actor-critic knobs a team file may set in its {@code options}: how many judge-critic rounds
 * an episode has at most ({@code judgeRounds}, default 1), and which examples each role is
 * trained on (all on by default): the actor's accepted right first answer
 * ({@code trainActorAccepted}), its revised answer when a rejected episode ended right
 * ({@code trainActorRevised}), the judge's verdicts that matched the truth ({@code trainJudge}),
 * the critic's feedback when the answer after it was right ({@code trainCritic}), only when the
 * answer before it was wrong if {@code criticOnlyWhenItFixed}.
 */
public record ActorCriticRules(int judgeRounds, boolean trainActorAccepted, boolean trainActorRevised,
        boolean trainJudge, boolean trainCritic, boolean criticOnlyWhenItFixed) {

    public ActorCriticRules {
        if (judgeRounds < 1) {
            throw new IllegalStateException("judgeRounds must be at least 1, not " + judgeRounds);
        }
    }

    public static ActorCriticRules of(TeamDefinition team) {
        return new ActorCriticRules(team.intOption("judgeRounds", 1),
                team.booleanOption("trainActorAccepted", true), team.booleanOption("trainActorRevised", true),
                team.booleanOption("trainJudge", true), team.booleanOption("trainCritic", true),
                team.booleanOption("criticOnlyWhenItFixed", false));
    }
}
