package org.itera.core.setting.actorcritic;

import java.util.List;
import java.util.Map;
import org.itera.core.team.TeamDefinition;

/**
 * The actor-critic knobs a team file may set in its {@code options}: how many judge-critic rounds
 * an episode has at most ({@code judgeRounds}, default 1), and which examples each role is
 * trained on (all on by default): the actor's accepted right first answer
 * ({@code trainActorAccepted}), its revised answer when a rejected episode ended right
 * ({@code trainActorRevised}), the judge's verdicts that matched the truth ({@code trainJudge}),
 * the critic's feedback when the answer after it was right ({@code trainCritic}), only when the
 * answer before it was wrong if {@code criticOnlyWhenItFixed}; and the phrases a verdict may be
 * stated in ({@code verdicts: {"accept": [...], "reject": [...]}}, by default
 * {@code Verdict: accept} and {@code Verdict: reject}; see {@link Verdict}).
 */
public record ActorCriticRules(int judgeRounds, boolean trainActorAccepted, boolean trainActorRevised,
        boolean trainJudge, boolean trainCritic, boolean criticOnlyWhenItFixed, List<String> acceptPhrases,
        List<String> rejectPhrases) {

    public ActorCriticRules {
        if (judgeRounds < 1) {
            throw new IllegalStateException("judgeRounds must be at least 1, not " + judgeRounds);
        }
        acceptPhrases = List.copyOf(acceptPhrases);
        rejectPhrases = List.copyOf(rejectPhrases);
    }

    /** Reads a judge's reply with this team's phrases. */
    public Verdict verdictOf(String reply) {
        return Verdict.read(reply, acceptPhrases, rejectPhrases);
    }

    public static ActorCriticRules of(TeamDefinition team) {
        return new ActorCriticRules(team.intOption("judgeRounds", 1),
                team.booleanOption("trainActorAccepted", true), team.booleanOption("trainActorRevised", true),
                team.booleanOption("trainJudge", true), team.booleanOption("trainCritic", true),
                team.booleanOption("criticOnlyWhenItFixed", false),
                phrases(team, "accept", Verdict.DEFAULT_ACCEPT), phrases(team, "reject", Verdict.DEFAULT_REJECT));
    }

    private static List<String> phrases(TeamDefinition team, String kind, List<String> defaults) {
        Object verdicts = team.options().get("verdicts");
        if (verdicts == null) {
            return defaults;
        }
        Object given = verdicts instanceof Map<?, ?> map ? map.get(kind) : verdicts;
        if (given == null) {
            return defaults;
        }
        if (verdicts instanceof Map<?, ?> && given instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(p -> p instanceof String text && !text.isBlank())) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalStateException("team " + team.setting() + "/" + team.subject()
                + ": option verdicts must be {\"accept\": [phrases], \"reject\": [phrases]}, not " + verdicts);
    }
}
