package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itera.core.setting.competitive.Games.tagged;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tagged format: tags found whatever their case and spacing, each required one once; clear errors otherwise. */
class TaggedReplyTest {

    private static MoveParser parser(String game) {
        return Games.parser(game, ReplyFormat.TAGGED);
    }

    static Stream<Arguments> validReplies() {
        List<Arguments> cases = new ArrayList<>();
        for (String open : List.of("<action>", "<ACTION>", "< action >", "<Action>")) {
            String close = open.replace("<", "</").replace("</ ", "</ ");
            cases.add(Arguments.of("ultimatum", "<message>Take it.</message>\n" + open + "OFFER" + close
                    + "<proposal>40</proposal>", Action.PROPOSE));
            cases.add(Arguments.of("ultimatum", "<message>Fine.</message>" + open + "\nACCEPT\n" + close, Action.ACCEPT));
        }
        for (String proposal : List.of("40", "$40", "40 dollars", " 40 ", "\n40\n")) {
            cases.add(Arguments.of("ultimatum", tagged("Here.", "OFFER", proposal), Action.PROPOSE));
            cases.add(Arguments.of("sell-buy", tagged("Here.", "price", proposal), Action.PROPOSE));
        }
        for (String accept : List.of("ACCEPT", "accept", "Accept.")) {
            cases.add(Arguments.of("sell-buy", tagged("Deal.", accept, null), Action.ACCEPT));
            cases.add(Arguments.of("sell-buy", tagged("Deal.", accept, "NONE"), Action.ACCEPT));
            cases.add(Arguments.of("resource-exchange", tagged("Deal.", accept, ""), Action.ACCEPT));
        }
        cases.add(Arguments.of("resource-exchange", tagged("Try this.", "GIVE", "5 X FOR 6 Y"), Action.PROPOSE));
        cases.add(Arguments.of("resource-exchange", tagged("Hmm.", "WAIT", null), Action.WAIT));
        cases.add(Arguments.of("ultimatum", "Some words first.\n<message>No.</message>\n<action>REJECT</action>\nbye",
                Action.REJECT));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("validReplies")
    void aWellFormedReplyReadsAsItsMove(String game, String reply, Action action) {
        assertThat(parser(game).parse(reply, Games.spec(game).roles().get(0)).action()).isEqualTo(action);
    }

    @Test
    void thinkingIsKeptApartFromTheMessage() {
        Move move = parser("ultimatum").parse(tagged("A fair split.", "OFFER", "45"), "proposer");
        assertThat(move.message()).isEqualTo("A fair split.");
        assertThat(move.reasoning()).isEqualTo("my plan, private");
        assertThat(move.trade().givenBy("proposer")).containsEntry("dollars", 45);
    }

    static Stream<Arguments> invalidReplies() {
        return Stream.of(
                Arguments.of("<action>OFFER</action><proposal>40</proposal>", "missing <message>"),
                Arguments.of("<message>hi</message>", "missing <action>"),
                Arguments.of("OFFER 40", "missing <message>; missing <action>"),
                Arguments.of("<message>a</message><message>b</message><action>ACCEPT</action>", "<message> appears 2 times"),
                Arguments.of("<message>a</message><action>ACCEPT</action><action>REJECT</action>", "<action> appears 2 times"),
                Arguments.of("<message>a</message><action>ACCEPT", "<action> is not closed"),
                Arguments.of("<message>a</message><action>OFFER</action>", "OFFER needs its terms in <proposal>"),
                Arguments.of("<message>a</message><action>OFFER</action><proposal>NONE</proposal>", "needs its terms"),
                Arguments.of("<message>a</message><action>ACCEPT</action><proposal>40</proposal>",
                        "<proposal> goes only with OFFER"),
                Arguments.of("<message>a</message><action>PROPOSE</action><proposal>40</proposal>",
                        "<proposal> goes only with OFFER"),
                Arguments.of("<message>a</message><action>maybe</action>", "'maybe' is not a move"),
                Arguments.of("<message>a</message><action>OFFER</action><proposal>forty</proposal>",
                        "cannot read an amount in 'forty'"),
                Arguments.of("<message>a</message><action>OFFER</action><proposal>33.3</proposal>", "whole numbers"),
                Arguments.of("<message>a</message><action>OFFER 40</action>", "'OFFER 40' is not a move"),
                Arguments.of("", "the reply is empty"));
    }

    @ParameterizedTest
    @MethodSource("invalidReplies")
    void aMalformedReplyIsRefusedWithTheReason(String reply, String reason) {
        assertThatThrownBy(() -> parser("ultimatum").parse(reply, "proposer")).isInstanceOf(MoveException.class)
                .hasMessageContaining(reason);
    }
}
