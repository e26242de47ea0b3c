package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.GameRecord;
import org.itera.core.event.Grade;
import org.itera.core.setting.Outcome;

/**
 * A game's {@link Outcome}: success when a trainable role won (that is what the library keeps, and
 * in an evaluation, where the evaluated role is the one trainable role, what "right" means); the
 * grade reads the winner (or {@code tie}); each role labelled {@code win}, {@code loss} or
 * {@code tie} ({@code none} after an error) and rewarded its payoff; counters for the rates of
 * {@link CompetitiveSetting#rates()} by seat ({@code P1}, {@code P2}: the game's role order).
 */
final class GameScoring {

    private GameScoring() {
    }

    static Outcome score(List<String> roles, GameRecord game) {
        String winner = game.winner();
        boolean error = GameRecord.END_ERROR.equals(game.endReason());
        boolean trainedWon = winner != null && game.trainable().contains(winner);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Double> rewards = new LinkedHashMap<>();
        for (String role : roles) {
            labels.put(role, error ? "none" : winner == null ? "tie" : role.equals(winner) ? "win" : "loss");
            rewards.put(role, (double) game.payoffs().getOrDefault(role, 0));
        }
        Grade grade = new Grade(winner == null ? "tie" : winner, String.join("|", game.trainable()), trainedWon,
                game.endReason() + ": " + game.endDetail() + "; payoffs " + game.payoffs());
        return new Outcome(trainedWon, grade, labels, rewards, counters(roles, game, trainedWon));
    }

    private static Map<String, Integer> counters(List<String> roles, GameRecord game, boolean trainedWon) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        counters.put(CompetitiveSetting.DECISIVE, Outcome.count(game.winner() != null));
        counters.put(CompetitiveSetting.TRAINABLE_WINS, Outcome.count(trainedWon));
        counters.put(CompetitiveSetting.DEAL, Outcome.count(game.deal()));
        counters.put(CompetitiveSetting.MOVES, game.movesPlayed());
        counters.put(CompetitiveSetting.REPLIES, game.moves().size());
        counters.put(CompetitiveSetting.INVALID_REPLIES, game.invalidReplies());
        for (String reason : GameRecord.END_REASONS) {
            counters.put(CompetitiveSetting.endCounter(reason), Outcome.count(reason.equals(game.endReason())));
        }
        for (int seat = 0; seat < roles.size(); seat++) {
            String role = roles.get(seat);
            counters.put("winP" + (seat + 1), Outcome.count(role.equals(game.winner())));
            counters.put("payoffP" + (seat + 1), game.payoffs().getOrDefault(role, 0));
        }
        return counters;
    }
}
