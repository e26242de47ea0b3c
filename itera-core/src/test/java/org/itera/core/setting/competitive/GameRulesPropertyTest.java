package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.itera.core.event.GameRecord;
import org.junit.jupiter.api.Test;

/**
 * Random legal move sequences (seeded) in each game: holdings never go negative, every game ends
 * within its limit, and the payoffs keep each game's sum (zero-sum exchange; the pot or nothing in
 * ultimatum; the value gap or nothing in sell-buy).
 */
class GameRulesPropertyTest {

    private static final int GAMES = 400;

    @Test
    void resourceExchangeIsZeroSumAndNeverOverdraws() {
        play("resource-exchange", (random, state, role) -> random.nextInt(3) == 0 ? "WAIT"
                : "GIVE " + random.nextInt(1 + state.holdings().of(role, "X")) + " X, "
                        + random.nextInt(1 + state.holdings().of(role, "Y")) + " Y FOR "
                        + random.nextInt(12) + " X, " + (1 + random.nextInt(12)) + " Y",
                (payoffs, deal) -> assertThat(payoffs.values().stream().mapToInt(Integer::intValue).sum()).isZero());
    }

    @Test
    void ultimatumPaysThePotOrNothing() {
        play("ultimatum", (random, state, role) -> "OFFER " + random.nextInt(101),
                (payoffs, deal) -> assertThat(payoffs.values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(deal ? 100 : 0));
    }

    @Test
    void sellBuyPaysTheValueGapOrNothing() {
        play("sell-buy", (random, state, role) -> "PRICE " + random.nextInt(101),
                (payoffs, deal) -> assertThat(payoffs.values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(deal ? 20 : 0));
    }

    private interface Proposer {
        String line(Random random, GameState state, String role);
    }

    private interface SumCheck {
        void check(Map<String, Integer> payoffs, boolean deal);
    }

    private static void play(String game, Proposer proposer, SumCheck sum) {
        Random random = new Random(20261206L + game.hashCode());
        GameSpec spec = Games.spec(game);
        GameRules rules = Games.rules(game);
        MoveParser parser = Games.parser(game, ReplyFormat.LINE);
        List<String> ends = new ArrayList<>();
        for (int g = 0; g < GAMES; g++) {
            GameState state = new GameState(spec, rules);
            int moves = 0;
            while (!state.ended()) {
                String role = state.mover();
                playLegal(random, state, parser, role, proposer);
                moves++;
                assertThat(moves).isLessThanOrEqualTo(spec.moves());
                for (String r : spec.roles()) {
                    state.holdings().of(r).values().forEach(amount -> assertThat(amount).isNotNegative());
                }
            }
            sum.check(state.payoffs(), GameRecord.END_ACCEPT.equals(state.endReason()));
            ends.add(state.endReason());
        }
        assertThat(ends).contains(GameRecord.END_ACCEPT)
                .allMatch(end -> List.of(GameRecord.END_ACCEPT, GameRecord.END_REJECT, GameRecord.END_LIMIT).contains(end));
    }

    /** Tries random moves until one is legal (every refusal must leave the state as it was). */
    private static void playLegal(Random random, GameState state, MoveParser parser, String role, Proposer proposer) {
        for (int tries = 0; tries < 50; tries++) {
            int pick = random.nextInt(6);
            String line = pick == 0 ? "ACCEPT" : pick == 1 ? "REJECT" : proposer.line(random, state, role);
            int before = state.nextMove();
            try {
                state.play(role, parser.parse(line, role));
                return;
            } catch (MoveException refused) {
                assertThat(state.nextMove()).isEqualTo(before);
                assertThat(state.ended()).isFalse();
            }
        }
        throw new AssertionError("no legal move found for " + role + " at move " + state.nextMove());
    }
}
