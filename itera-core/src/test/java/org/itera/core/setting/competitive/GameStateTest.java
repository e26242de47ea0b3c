package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itera.core.setting.competitive.Games.move;
import static org.itera.core.setting.competitive.Games.state;

import java.util.Map;
import org.itera.core.event.GameRecord;
import org.junit.jupiter.api.Test;

/** The rules every game shares, and each game's payoffs for every end reason. */
class GameStateTest {

    @Test
    void anUltimatumDealPaysThePotMinusTheOfferAndTheOffer() {
        GameState game = state("ultimatum");
        game.play("proposer", move("ultimatum", "proposer", "OFFER 30"));
        game.play("responder", move("ultimatum", "responder", "ACCEPT"));

        assertThat(game.endReason()).isEqualTo(GameRecord.END_ACCEPT);
        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 70), Map.entry("responder", 30));
        assertThat(game.winner()).isEqualTo("proposer");
    }

    @Test
    void theResponderMayCounterAndAnOfferIsAlwaysWhatTheResponderGets() {
        GameState game = state("ultimatum");
        game.play("proposer", move("ultimatum", "proposer", "OFFER 10"));
        game.play("responder", move("ultimatum", "responder", "OFFER 60"));
        game.play("proposer", move("ultimatum", "proposer", "ACCEPT"));

        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 40), Map.entry("responder", 60));
        assertThat(game.winner()).isEqualTo("responder");
    }

    @Test
    void anUltimatumRejectOrNoDealPaysNothingToEither() {
        GameState rejected = state("ultimatum");
        rejected.play("proposer", move("ultimatum", "proposer", "OFFER 1"));
        rejected.play("responder", move("ultimatum", "responder", "REJECT"));
        assertThat(rejected.endReason()).isEqualTo(GameRecord.END_REJECT);
        assertThat(rejected.payoffs()).containsValues(0, 0);
        assertThat(rejected.winner()).isNull();

        GameState limit = state("ultimatum");
        for (int i = 0; i < 7; i++) {
            limit.play(limit.mover(), move("ultimatum", limit.mover(), "OFFER " + (40 + i)));
        }
        limit.play(limit.mover(), move("ultimatum", limit.mover(), "REJECT"));
        assertThat(limit.endReason()).isEqualTo(GameRecord.END_REJECT);
    }

    @Test
    void anEvenSplitIsATie() {
        GameState game = state("ultimatum");
        game.play("proposer", move("ultimatum", "proposer", "OFFER 50"));
        game.play("responder", move("ultimatum", "responder", "ACCEPT"));
        assertThat(game.winner()).isNull();
        assertThat(game.payoffs()).containsValues(50, 50);
    }

    @Test
    void sellBuyPaysPriceMinusCostAndValueMinusPriceAndTheSellerWinsAboveFifty() {
        GameState game = state("sell-buy");
        game.play("seller", move("sell-buy", "seller", "PRICE 55"));
        game.play("buyer", move("sell-buy", "buyer", "ACCEPT"));

        assertThat(game.payoffs()).containsExactly(Map.entry("seller", 15), Map.entry("buyer", 5));
        assertThat(game.winner()).isEqualTo("seller");
        assertThat(game.holdings().of("buyer")).containsEntry("item", 1).containsEntry("dollars", 45);
    }

    @Test
    void sellBuyAtTheMidpointIsATieAndBelowItTheBuyerWins() {
        GameState midpoint = state("sell-buy");
        midpoint.play("seller", move("sell-buy", "seller", "PRICE 50"));
        midpoint.play("buyer", move("sell-buy", "buyer", "ACCEPT"));
        assertThat(midpoint.winner()).isNull();

        GameState cheap = state("sell-buy");
        cheap.play("seller", move("sell-buy", "seller", "PRICE 70"));
        cheap.play("buyer", move("sell-buy", "buyer", "PRICE 45"));
        cheap.play("seller", move("sell-buy", "seller", "ACCEPT"));
        assertThat(cheap.payoffs()).containsExactly(Map.entry("seller", 5), Map.entry("buyer", 15));
        assertThat(cheap.winner()).isEqualTo("buyer");
    }

    @Test
    void sellBuyEndsOnAReject() {
        GameState game = state("sell-buy");
        game.play("seller", move("sell-buy", "seller", "PRICE 90"));
        game.play("buyer", move("sell-buy", "buyer", "REJECT"));
        assertThat(game.endReason()).isEqualTo(GameRecord.END_REJECT);
        assertThat(game.payoffs()).containsValues(0, 0);
    }

    @Test
    void anAcceptedExchangeMovesTheUnitsAndThePayoffIsTheChangeInUnits() {
        GameState game = state("resource-exchange");
        game.play("player1", move("resource-exchange", "player1", "GIVE 10 X FOR 4 Y"));
        game.play("player2", move("resource-exchange", "player2", "ACCEPT"));

        assertThat(game.holdings().of("player1")).containsEntry("X", 15).containsEntry("Y", 9);
        assertThat(game.holdings().of("player2")).containsEntry("X", 15).containsEntry("Y", 21);
        assertThat(game.payoffs()).containsExactly(Map.entry("player1", -6), Map.entry("player2", 6));
        assertThat(game.winner()).isEqualTo("player2");
    }

    @Test
    void resourceExchangeEndsAtTheLimitWithNoTradeAsATie() {
        GameState game = state("resource-exchange");
        for (int i = 0; i < 8; i++) {
            assertThat(game.ended()).isFalse();
            game.play(game.mover(), move("resource-exchange", game.mover(), "WAIT"));
        }
        assertThat(game.endReason()).isEqualTo(GameRecord.END_LIMIT);
        assertThat(game.payoffs()).containsValues(0, 0);
        assertThat(game.winner()).isNull();
    }

    @Test
    void nobodyAcceptsWithoutAnOpenProposalOrTheirOwn() {
        GameState game = state("ultimatum");
        assertThatThrownBy(() -> game.play("proposer", move("ultimatum", "proposer", "ACCEPT")))
                .isInstanceOf(MoveException.class).hasMessageContaining("no proposal of the other player's to accept");

        GameState exchange = state("resource-exchange");
        exchange.play("player1", move("resource-exchange", "player1", "GIVE 2 X FOR 2 Y"));
        exchange.play("player2", move("resource-exchange", "player2", "WAIT"));
        assertThatThrownBy(() -> exchange.play("player1", move("resource-exchange", "player1", "ACCEPT")))
                .isInstanceOf(MoveException.class).hasMessageContaining("no proposal of the other player's");
        exchange.play("player1", move("resource-exchange", "player1", "WAIT"));
        exchange.play("player2", move("resource-exchange", "player2", "ACCEPT"));
        assertThat(exchange.endReason()).isEqualTo(GameRecord.END_ACCEPT);
    }

    @Test
    void aRefusedMoveChangesNothing() {
        GameState game = state("ultimatum");
        game.play("proposer", move("ultimatum", "proposer", "OFFER 20"));
        assertThatThrownBy(() -> game.play("responder", move("ultimatum", "responder", "WAIT")))
                .isInstanceOf(MoveException.class);
        assertThat(game.mover()).isEqualTo("responder");
        assertThat(game.nextMove()).isEqualTo(2);
        game.play("responder", move("ultimatum", "responder", "REJECT"));
        assertThat(game.endReason()).isEqualTo(GameRecord.END_REJECT);
    }

    @Test
    void aPlayerGivesOnlyWhatItHolds() {
        GameState game = state("resource-exchange");
        assertThatThrownBy(() -> game.play("player1", move("resource-exchange", "player1", "GIVE 6 Y FOR 1 X")))
                .isInstanceOf(MoveException.class).hasMessageContaining("6 Y (you hold 5)");
        game.play("player1", move("resource-exchange", "player1", "GIVE 1 X FOR 7 X"));
        assertThatThrownBy(() -> game.play("player2", move("resource-exchange", "player2", "ACCEPT")))
                .isInstanceOf(MoveException.class).hasMessageContaining("7 X (you hold 5)");
    }

    @Test
    void theBuyerCannotPayMoreThanItHas() {
        GameState game = state("sell-buy");
        game.play("seller", move("sell-buy", "seller", "PRICE 50"));
        assertThatThrownBy(() -> game.play("buyer", move("sell-buy", "buyer", "PRICE 150")))
                .isInstanceOf(MoveException.class).hasMessageContaining("150 dollars (you hold 100)");
    }

    @Test
    void noProposalOnTheLastMove() {
        GameState game = state("ultimatum");
        for (int i = 0; i < 7; i++) {
            game.play(game.mover(), move("ultimatum", game.mover(), "OFFER " + (30 + i)));
        }
        assertThat(game.lastMove()).isTrue();
        assertThatThrownBy(() -> game.play("responder", move("ultimatum", "responder", "OFFER 50")))
                .isInstanceOf(MoveException.class).hasMessageContaining("last one");
        game.play("responder", move("ultimatum", "responder", "ACCEPT"));
        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 64), Map.entry("responder", 36));
    }

    @Test
    void aMoveTheGameDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> state("ultimatum").play("proposer", move("ultimatum", "proposer", "WAIT")))
                .isInstanceOf(MoveException.class).hasMessage("WAIT is not a move in this game");
        GameState exchange = state("resource-exchange");
        exchange.play("player1", move("resource-exchange", "player1", "GIVE 1 X FOR 1 Y"));
        assertThatThrownBy(() -> exchange.play("player2", move("resource-exchange", "player2", "REJECT")))
                .isInstanceOf(MoveException.class).hasMessage("REJECT is not a move in this game");
    }

    @Test
    void anInvalidEndMakesTheOffenderLoseAndPaysAsNoDeal() {
        GameState game = state("sell-buy");
        game.play("seller", move("sell-buy", "seller", "PRICE 45"));
        game.endInvalid("buyer", "no move line found");

        assertThat(game.endReason()).isEqualTo(GameRecord.END_INVALID);
        assertThat(game.winner()).isEqualTo("seller");
        assertThat(game.payoffs()).containsValues(0, 0);
        assertThat(game.invalidBy()).isEqualTo("buyer");
    }

    @Test
    void anErrorEndHasNoWinner() {
        GameState game = state("ultimatum");
        game.endError("boom");
        assertThat(game.endReason()).isEqualTo(GameRecord.END_ERROR);
        assertThat(game.winner()).isNull();
    }

    @Test
    void overridesChangeTheFirstMoverTheLimitAndTheHoldings() {
        GameSpec spec = Games.spec("ultimatum", Map.of("firstMover", "responder", "moves", 2, "format", "line",
                "holdings", Map.of("proposer", Map.of("dollars", 10))));
        GameState game = new GameState(spec, Games.rules("ultimatum"));
        assertThat(game.mover()).isEqualTo("responder");
        game.play("responder", new MoveParser(spec, Games.rules("ultimatum")).parse("OFFER 6", "responder"));
        game.play("proposer", new MoveParser(spec, Games.rules("ultimatum")).parse("ACCEPT", "proposer"));
        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 4), Map.entry("responder", 6));
    }
}
