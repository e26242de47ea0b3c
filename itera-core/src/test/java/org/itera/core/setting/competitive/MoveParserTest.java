package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser on replies of the shapes small models write: decorated move lines (emphasis, labels,
 * list marks, wrong case, {@code $} and units) with and without a message before them, which read
 * as moves; and missing, repeated or extra moves, unreadable amounts and tags, which are refused
 * with a reason the player can act on.
 */
class MoveParserTest {

    private static final List<String> MESSAGES = List.of("", "I think this is fair.\n",
            "Let us make a deal quickly.\nI am being generous here.\n\n");
    private static final List<String> DECORATIONS = List.of("%s", "**%s**", "Move: %s", "My move: %s", "- %s",
            "1. %s", "> %s", "`%s`", "Action: %s", "__%s__");

    static Stream<Arguments> validLines() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, List<String>> proposals = Map.of(
                "ultimatum", List.of("OFFER 40", "offer 40", "Offer $40", "OFFER: 40", "OFFER 40 dollars", "OFFER $40.00",
                        "OFFER 40.", "OFFER 40 USD"),
                "sell-buy", List.of("PRICE 40", "price 40", "Price $40", "PRICE: 40", "PRICE 40 dollars", "PRICE 40!"),
                "resource-exchange", List.of("GIVE 5 X FOR 6 Y", "give 5 x for 6 y", "GIVE 5 X, 1 Y FOR 6 Y",
                        "GIVE X: 5 FOR Y: 6", "GIVE 5 X and 1 Y FOR 6 Y", "GIVE 5 units of X FOR 6 Y", "GIVE 5 X FOR 6 Y."));
        proposals.forEach((game, lines) -> lines.forEach(line -> MESSAGES.forEach(message -> DECORATIONS.forEach(
                decoration -> cases.add(Arguments.of(game, message + String.format(decoration, line), Action.PROPOSE))))));
        for (String game : List.of("ultimatum", "sell-buy", "resource-exchange")) {
            for (String accept : List.of("ACCEPT", "accept", "Accept.", "ACCEPT!", "**ACCEPT**", "Move: ACCEPT")) {
                MESSAGES.forEach(message -> cases.add(Arguments.of(game, message + accept, Action.ACCEPT)));
            }
        }
        for (String reject : List.of("REJECT", "Reject.", "**REJECT**", "Decision: REJECT")) {
            cases.add(Arguments.of("ultimatum", "No way.\n" + reject, Action.REJECT));
            cases.add(Arguments.of("sell-buy", "Too much.\n" + reject, Action.REJECT));
        }
        for (String wait : List.of("WAIT", "wait", "Wait.", "**WAIT**")) {
            cases.add(Arguments.of("resource-exchange", "Let me see what you offer.\n" + wait, Action.WAIT));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("validLines")
    void aDecoratedMoveLineReadsAsTheMove(String game, String reply, Action action) {
        Move move = Games.parser(game, ReplyFormat.LINE).parse(reply, Games.spec(game).roles().get(0));
        assertThat(move.action()).isEqualTo(action);
        if (action == Action.PROPOSE) {
            assertThat(move.trade().isEmpty()).isFalse();
        }
    }

    @Test
    void theTermsAreReadExactly() {
        Move offer = Games.parser("ultimatum", ReplyFormat.LINE).parse("Fair enough.\n**OFFER $35**", "proposer");
        assertThat(offer.trade().givenBy("proposer")).containsEntry("dollars", 35);
        assertThat(offer.message()).isEqualTo("Fair enough.");
        Move trade = Games.parser("resource-exchange", ReplyFormat.LINE).parse("GIVE X: 5, 1 y FOR 6 Y", "player2");
        assertThat(trade.trade().givenBy("player2")).containsEntry("X", 5).containsEntry("Y", 1);
        assertThat(trade.trade().givenBy("player1")).containsExactly(Map.entry("Y", 6));
        Move price = Games.parser("sell-buy", ReplyFormat.LINE).parse("PRICE 1,000", "buyer");
        assertThat(price.trade().givenBy("buyer")).containsEntry("dollars", 1000);
    }

    @Test
    void aMoveEndsWithItsSentenceAndWhatFollowsJoinsTheMessage() {
        Move offer = Games.parser("ultimatum", ReplyFormat.LINE).parse("I get you.\nOFFER 22. Move 3 of 8, your move.",
                "proposer");
        assertThat(offer.trade().givenBy("proposer")).containsEntry("dollars", 22);
        assertThat(offer.message()).isEqualTo("I get you.\nMove 3 of 8, your move.");
        Move accept = Games.parser("sell-buy", ReplyFormat.LINE).parse("ACCEPT. Thanks!", "buyer");
        assertThat(accept.action()).isEqualTo(Action.ACCEPT);
        assertThat(accept.message()).isEqualTo("Thanks!");
        Move trade = Games.parser("resource-exchange", ReplyFormat.LINE).parse("GIVE 5 X FOR 2 Y. Deal?", "player1");
        assertThat(trade.trade().givenBy("player2")).containsExactly(Map.entry("Y", 2));
    }

    @Test
    void sentencesThatStartWithAMoveWordStayInTheMessage() {
        Move move = Games.parser("ultimatum", ReplyFormat.LINE)
                .parse("Offer accepted in spirit, but not yet.\nAccept that I need more.\nOFFER 30", "proposer");
        assertThat(move.action()).isEqualTo(Action.PROPOSE);
        assertThat(move.message()).contains("Offer accepted in spirit").contains("Accept that I need more.");
        Move wait = Games.parser("resource-exchange", ReplyFormat.LINE).parse("Wait, let me think.\nGIVE 1 X FOR 1 Y",
                "player1");
        assertThat(wait.action()).isEqualTo(Action.PROPOSE);
    }

    static Stream<Arguments> invalidLines() {
        List<Arguments> cases = new ArrayList<>();
        String[][] table = {
                {"ultimatum", "", "the reply is empty"},
                {"ultimatum", "   \n  ", "the reply is empty"},
                {"ultimatum", "I accept your offer.", "no move line found"},
                {"ultimatum", "I will give you forty dollars.", "no move line found"},
                {"ultimatum", "OFFER forty", "cannot read an amount in 'forty'"},
                {"ultimatum", "OFFER 40.5", "whole numbers"},
                {"ultimatum", "OFFER -10", "cannot be negative"},
                {"ultimatum", "OFFER 140", "from 0 to 100"},
                {"ultimatum", "OFFER 40 or maybe 50", "cannot read an amount"},
                {"ultimatum", "OFFER", "has no amount"},
                {"ultimatum", "OFFER 40\nACCEPT", "2 move lines"},
                {"ultimatum", "OFFER 40\nOFFER 50", "2 move lines"},
                {"ultimatum", "ACCEPT your offer of 40", "ACCEPT takes no terms"},
                {"ultimatum", "REJECT it", "REJECT takes no terms"},
                {"ultimatum", "PROPOSE 40", "no move line found"},
                {"ultimatum", "Move: 40", "no move line found"},
                {"sell-buy", "PRICE 12.75", "whole numbers"},
                {"sell-buy", "PRICE fifty", "cannot read an amount"},
                {"sell-buy", "PRICE 50\nPRICE 55", "2 move lines"},
                {"sell-buy", "I want 55 for it.", "no move line found"},
                {"resource-exchange", "GIVE 5 X", "GIVE <what you give> FOR <what you want>"},
                {"resource-exchange", "GIVE 5 X FOR 1 Y FOR 2 Y", "has 2 FOR"},
                {"resource-exchange", "GIVE 5 Z FOR 1 Y", "'Z' is not a resource"},
                {"resource-exchange", "GIVE 5 X, 2 X FOR 1 Y", "X is named twice"},
                {"resource-exchange", "GIVE 0 X FOR 0 Y", "moves nothing"},
                {"resource-exchange", "GIVE 2.5 X FOR 1 Y", "whole numbers"},
                {"resource-exchange", "GIVE some X FOR 1 Y", "cannot read 'some X'"},
                {"resource-exchange", "WAIT for it", "WAIT takes no terms"},
                {"resource-exchange", "GIVE 1 X FOR 1 Y\nWAIT", "2 move lines"},
        };
        for (String[] row : table) {
            if (row[1].isBlank()) { // a message in front would make it a reply without a move line
                cases.add(Arguments.of(row[0], row[1], row[2]));
            } else {
                MESSAGES.forEach(message -> cases.add(Arguments.of(row[0], message + row[1], row[2])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("invalidLines")
    void aReplyThatIsNoSingleReadableMoveIsRefusedWithTheReason(String game, String reply, String reason) {
        String mover = Games.spec(game).roles().get(0);
        assertThatThrownBy(() -> Games.parser(game, ReplyFormat.LINE).parse(reply, mover))
                .isInstanceOf(MoveException.class).hasMessageContaining(reason);
    }
}
