package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.core.setting.competitive.Games.tagged;

import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.GameRecord;
import org.itera.core.event.MoveRecord;
import org.itera.core.event.Seat;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.CallOptions;
import org.itera.core.setting.Episode;
import org.itera.core.setting.ScriptedCaller;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;

class GameEpisodeTest {

    private static GameRecord play(TaskEvent task, ScriptedCaller caller) {
        Episode episode = Games.SETTING.start(task);
        TeamRunner.drive(episode, caller);
        assertThat(caller.left()).isZero();
        return episode.game().orElseThrow();
    }

    @Test
    void theSeatsTakeTurnsUntilAnOfferIsAccepted() {
        ScriptedCaller caller = new ScriptedCaller(tagged("Seventy for me.", "OFFER", "30"), tagged("Fine.", "ACCEPT", null));

        GameRecord game = play(Games.task("u1", "ultimatum", 7), caller);

        assertThat(caller.agentIds()).containsExactly("ultimatum-proposer", "ultimatum-responder");
        assertThat(game.endReason()).isEqualTo(GameRecord.END_ACCEPT);
        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 70), Map.entry("responder", 30));
        assertThat(game.winner()).isEqualTo("proposer");
        assertThat(game.moves()).extracting(MoveRecord::action).containsExactly("propose", "accept");
        assertThat(game.moves().get(0).trade()).containsEntry("proposer", Map.of("dollars", 30));
        assertThat(game.seats()).containsExactly(Map.entry("proposer", "ultimatum-proposer"),
                Map.entry("responder", "ultimatum-responder"));
        assertThat(game.trainable()).containsExactly("proposer");
        assertThat(game.finalHoldings().get("responder")).containsEntry("dollars", 30);
    }

    @Test
    void theOpponentSeesThePublicMessageAndMoveButNeverThePrivateThinking() {
        ScriptedCaller caller = new ScriptedCaller(tagged("Take thirty.", "OFFER", "30"), tagged("No.", "REJECT", null));

        play(Games.task("u2", "ultimatum", 7), caller);

        List<ChatMessage> responder = caller.calls.get(1).messages();
        assertThat(responder).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "user", "assistant", "user");
        assertThat(responder.get(0).content()).contains("You are the responder").contains("100 dollars");
        assertThat(caller.calls.get(1).user()).contains("Take thirty.").contains("OFFER 30")
                .contains("If you ACCEPT, you give nothing and get 30 dollars.").contains("Move 2 of 8 is yours");
        assertThat(caller.calls.get(1).allText()).doesNotContain("my plan, private");
        assertThat(caller.calls.get(0).user()).isEqualTo("The game begins. Move 1 of 8 is yours.");
    }

    @Test
    void eachSeatKeepsItsOwnGrowingChat() {
        ScriptedCaller caller = new ScriptedCaller(tagged("a", "OFFER", "10"), tagged("b", "OFFER", "70"),
                tagged("c", "OFFER", "40"), tagged("d", "ACCEPT", null));

        GameRecord game = play(Games.task("u3", "ultimatum", 7), caller);

        List<ChatMessage> proposerSecond = caller.calls.get(2).messages().subList(5, 8);
        assertThat(proposerSecond).extracting(ChatMessage::role).containsExactly("user", "assistant", "user");
        assertThat(caller.calls.get(2).messages()).hasSize(8);
        assertThat(proposerSecond.get(1).content()).contains("OFFER").contains("10");
        assertThat(proposerSecond.get(2).content()).contains("OFFER 70").contains("Move 3 of 8 is yours");
        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 60), Map.entry("responder", 40));
        assertThat(game.movesPlayed()).isEqualTo(4);
    }

    @Test
    void anInvalidReplyIsShownBackWithItsErrorForOneMoreTry() {
        ScriptedCaller caller = new ScriptedCaller("I offer forty.", tagged("ok", "OFFER", "40"), tagged("yes", "ACCEPT", null));

        GameRecord game = play(Games.task("u4", "ultimatum", 7), caller);

        ScriptedCaller.Call retry = caller.calls.get(1);
        assertThat(retry.messages()).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "user", "assistant", "user", "assistant", "user");
        assertThat(retry.messages().get(6).content()).isEqualTo("I offer forty.");
        assertThat(retry.user()).contains("not a valid move").contains("missing <message>");
        assertThat(game.moves()).extracting(MoveRecord::valid).containsExactly(false, true, true);
        assertThat(game.moves()).extracting(MoveRecord::attempt).containsExactly(0, 1, 0);
        assertThat(game.moves().get(0).error()).contains("missing <action>");
        assertThat(game.endReason()).isEqualTo(GameRecord.END_ACCEPT);
    }

    @Test
    void aSecondInvalidReplyEndsTheGameAndItsPlayerLoses() {
        ScriptedCaller caller = new ScriptedCaller(tagged("x", "OFFER", "30"), "whatever", tagged("yes", "ACCEPT", "40"));

        Episode episode = Games.SETTING.start(Games.task("u5", "ultimatum", 7));
        List<Turn> turns = TeamRunner.drive(episode, caller);
        GameRecord game = episode.game().orElseThrow();

        assertThat(turns).extracting(Turn::step).containsExactly("move", "move", "retry");
        assertThat(game.endReason()).isEqualTo(GameRecord.END_INVALID);
        assertThat(game.invalidBy()).isEqualTo("responder");
        assertThat(game.winner()).isEqualTo("proposer");
        assertThat(game.endDetail()).contains("<proposal> goes only with OFFER");
        assertThat(game.payoffs()).containsValues(0, 0);
    }

    @Test
    void noRetryWhenTheGameAllowsNone() {
        ScriptedCaller caller = new ScriptedCaller("nonsense");
        GameRecord game = play(Games.task("u6", "ultimatum", 7, Map.of("retries", 0)), caller);
        assertThat(game.endReason()).isEqualTo(GameRecord.END_INVALID);
        assertThat(game.winner()).isEqualTo("responder");
    }

    @Test
    void theGameEndsAtItsMoveLimit() {
        ScriptedCaller caller = new ScriptedCaller(tagged("1", "GIVE", "1 X FOR 9 Y"), tagged("2", "WAIT", null),
                tagged("3", "GIVE", "2 Y FOR 8 X"), tagged("4", "WAIT", null));

        GameRecord game = play(Games.task("r1", "resource-exchange", 3, Map.of("moves", 4)), caller);

        assertThat(game.endReason()).isEqualTo(GameRecord.END_LIMIT);
        assertThat(game.winner()).isNull();
        assertThat(game.moves()).extracting(MoveRecord::action).containsExactly("propose", "wait", "propose", "wait");
    }

    @Test
    void callsAreSampledAsTheGameSaysWithSeedsFromTheTaskSeed() {
        ScriptedCaller first = new ScriptedCaller(tagged("a", "PRICE", "58"), tagged("b", "ACCEPT", null));
        ScriptedCaller again = new ScriptedCaller(tagged("a", "PRICE", "58"), tagged("b", "ACCEPT", null));
        ScriptedCaller other = new ScriptedCaller(tagged("a", "PRICE", "58"), tagged("b", "ACCEPT", null));

        play(Games.task("s1", "sell-buy", 11), first);
        play(Games.task("s1", "sell-buy", 11), again);
        play(Games.task("s1", "sell-buy", 12), other);

        List<CallOptions> options = first.calls.stream().map(ScriptedCaller.Call::options).toList();
        assertThat(options).allSatisfy(o -> {
            assertThat(o.temperature()).isEqualTo(0.7);
            assertThat(o.maxTokens()).isEqualTo(96);
            assertThat(o.model()).isNull();
        });
        assertThat(options.get(0).seed()).isNotEqualTo(options.get(1).seed());
        assertThat(again.calls).extracting(c -> c.options().seed()).containsExactlyElementsOf(
                options.stream().map(CallOptions::seed).toList());
        assertThat(other.calls.get(0).options().seed()).isNotEqualTo(options.get(0).seed());
    }

    @Test
    void seatsNameTheAgentsAndModelsThatPlay() {
        TaskEvent task = new TaskEvent("s2", CompetitiveSetting.NAME, null, null, null, null, null, "train", 0, null,
                "sell-buy", 5L, Map.of("format", "tagged"),
                List.of(new Seat("sell-buy-veteran", "ft:smollm2:itera:x"), new Seat(null, null)))
                .withDefaults();
        ScriptedCaller caller = new ScriptedCaller(tagged("a", "PRICE", "58"), tagged("b", "ACCEPT", null));

        GameRecord game = play(task, caller);

        assertThat(caller.agentIds()).containsExactly("sell-buy-veteran", "sell-buy-buyer");
        assertThat(caller.calls.get(0).options().model()).isEqualTo("ft:smollm2:itera:x");
        assertThat(caller.calls.get(1).options().model()).isNull();
        assertThat(game.seats()).containsEntry("seller", "sell-buy-veteran");
    }

    @Test
    void aCallThatFailsForGoodEndsTheGameAsAnErrorWithTheReason() {
        Episode episode = Games.SETTING.start(Games.task("u8", "ultimatum", 7));
        ScriptedCaller first = new ScriptedCaller(tagged("a", "OFFER", "30"));
        TeamRunner.drive(episode, new org.itera.core.team.AgentCaller() {
            @Override
            public Turn call(String agentId, String role, List<ChatMessage> messages) {
                throw new AssertionError("games call with options");
            }

            @Override
            public Turn call(org.itera.core.setting.TurnRequest request) {
                if (first.left() > 0) {
                    return first.call(request);
                }
                throw new IllegalStateException("HTTP 400: bad request");
            }
        });

        GameRecord game = episode.game().orElseThrow();
        assertThat(game.endReason()).isEqualTo(GameRecord.END_ERROR);
        assertThat(game.endDetail()).contains("responder's move 2 failed: HTTP 400: bad request");
        assertThat(game.winner()).isNull();
        assertThat(game.moves()).hasSize(1);
        assertThat(episode.turns()).hasSize(1);
    }

    @Test
    void aFailedCallOfAnotherSettingIsThrown() {
        org.itera.core.team.AgentCaller failing = (agent, role, messages) -> {
            throw new IllegalStateException("down");
        };
        org.itera.core.event.TaskEvent task = new org.itera.core.event.TaskEvent("p", "problem-solving", "arithmetic",
                "1 + 1?", null, null, "2", "train", 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeamRunner(Games.CATALOG).run(task, failing))
                .hasMessage("down");
    }

    @Test
    void eachSeatSeesItsPracticeExchangeInTheGamesFormatNeverAsATrainingTarget() {
        ScriptedCaller caller = new ScriptedCaller("Sixty for me.\nOFFER 40", "Deal!\nACCEPT");
        play(Games.task("u9", "ultimatum", 7, Map.of("format", "line")), caller);

        List<ChatMessage> proposer = caller.calls.get(0).messages();
        assertThat(proposer).extracting(ChatMessage::role).containsExactly("system", "user", "assistant", "user",
                "assistant", "user");
        assertThat(proposer.get(1).content()).startsWith("First a practice round").contains("Move 1 of 8 is yours");
        assertThat(proposer.get(2).content()).isEqualTo("I would like to keep most of it.\nOFFER 20");
        assertThat(proposer).filteredOn(m -> m.role().equals("assistant")).extracting(ChatMessage::weight)
                .containsOnly(0);
        assertThat(caller.calls.get(1).messages().get(4).content()).endsWith("ACCEPT");
    }

    @Test
    void theLineFormatPlaysTheSameGame() {
        ScriptedCaller caller = new ScriptedCaller("I'll take sixty.\nOFFER 40", "Deal!\nACCEPT");
        GameRecord game = play(Games.task("u7", "ultimatum", 7, Map.of("format", "line")), caller);
        assertThat(game.payoffs()).containsExactly(Map.entry("proposer", 60), Map.entry("responder", 40));
        assertThat(caller.calls.get(0).messages().get(0).content()).contains("on a line of its own")
                .doesNotContain("<action>");
    }
}
