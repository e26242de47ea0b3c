package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itera.core.setting.competitive.Games.tagged;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.Episode;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.ScriptedCaller;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;

class CompetitiveSettingTest {

    static TrajectoryEvent played(TaskEvent task, String... replies) {
        Episode episode = Games.SETTING.start(task);
        TeamRunner.drive(episode, new ScriptedCaller(replies));
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, TrajectoryEvent.ORIGIN_GENERATED, null, null, 0,
                episode.turns(), Instant.EPOCH, Instant.EPOCH, null, episode.game().orElseThrow());
    }

    @Test
    void theRegistryKnowsTheSettingAndItsGames() {
        SettingRegistry registry = SettingRegistry.standard(Games.CATALOG);
        assertThat(registry.get("competitive")).isInstanceOf(CompetitiveSetting.class);
        assertThat(Games.CATALOG.subjectsOf("competitive")).containsExactlyInAnyOrder("resource-exchange", "ultimatum",
                "sell-buy");
        assertThat(registry.teamProblems()).isEmpty();
        assertThat(Games.team("ultimatum").agentIds()).containsExactly("ultimatum-proposer", "ultimatum-responder");
    }

    @Test
    void aWonGameOfATrainableRoleIsASuccessWithItsCounters() {
        TrajectoryEvent game = played(Games.task("u1", "ultimatum", 1), tagged("a", "OFFER", "10"),
                tagged("b", "OFFER", "45"), tagged("c", "ACCEPT", null));

        Outcome outcome = Games.SETTING.score(game);

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.grade().extracted()).isEqualTo("proposer");
        assertThat(outcome.labels()).containsEntry("proposer", "win").containsEntry("responder", "loss");
        assertThat(outcome.rewards()).containsEntry("proposer", 55.0).containsEntry("responder", 45.0);
        assertThat(outcome.counters()).containsEntry("decisive", 1).containsEntry("trainableWins", 1)
                .containsEntry("deal", 1).containsEntry("moves", 3).containsEntry("replies", 3)
                .containsEntry("invalidReplies", 0).containsEntry("endAccept", 1).containsEntry("endLimit", 0)
                .containsEntry("winP1", 1).containsEntry("winP2", 0).containsEntry("payoffP1", 55)
                .containsEntry("payoffP2", 45);
        assertThat(outcome.counters().keySet()).containsExactlyInAnyOrderElementsOf(Games.SETTING.counters());
    }

    @Test
    void theWinnerLearnsItsWholeConversationWithoutItsInvalidTries() {
        TrajectoryEvent game = played(Games.task("u2", "ultimatum", 1), tagged("a", "OFFER", "10"),
                tagged("b", "OFFER", "45"), "I think I accept", tagged("c", "ACCEPT", null));

        List<FinetuneRecord> examples = Games.SETTING.examples(game, Games.SETTING.score(game));

        assertThat(examples).hasSize(1);
        FinetuneRecord example = examples.get(0);
        assertThat(example.agent()).isEqualTo("ultimatum-proposer");
        assertThat(example.id()).isEqualTo("competitive:u2@r0#0/proposer");
        assertThat(example.messages()).extracting(ChatMessage::role).containsExactly("system", "user", "assistant",
                "user", "assistant", "user", "assistant", "user", "assistant");
        assertThat(example.messages()).extracting(ChatMessage::weight).containsExactly(null, null, 0, null, 0, null,
                null, null, null);
        assertThat(example.messages().get(8).content()).contains("ACCEPT");
        assertThat(example.messages()).noneMatch(m -> m.content().equals("I think I accept"));
        assertThat(example.messages()).noneMatch(m -> m.content().contains("not a valid move"));
    }

    @Test
    void lossesTiesAndUntrainableWinnersGiveNoExample() {
        TrajectoryEvent responderWins = played(Games.task("u3", "ultimatum", 1), tagged("a", "OFFER", "80"),
                tagged("b", "ACCEPT", null));
        TrajectoryEvent tie = played(Games.task("u4", "ultimatum", 1), tagged("a", "OFFER", "50"),
                tagged("b", "ACCEPT", null));
        TrajectoryEvent rejected = played(Games.task("u5", "ultimatum", 1), tagged("a", "OFFER", "5"),
                tagged("b", "REJECT", null));

        for (TrajectoryEvent game : List.of(responderWins, tie, rejected)) {
            Outcome outcome = Games.SETTING.score(game);
            assertThat(outcome.success()).isFalse();
            assertThat(Games.SETTING.examples(game, outcome)).isEmpty();
        }
        assertThat(Games.SETTING.score(tie).labels()).containsValues("tie", "tie");
    }

    @Test
    void inResourceExchangeEitherPlayerLearnsFromItsWin() {
        TrajectoryEvent game = played(Games.task("r1", "resource-exchange", 1), tagged("a", "GIVE", "10 X FOR 2 Y"),
                tagged("b", "ACCEPT", null));

        List<FinetuneRecord> examples = Games.SETTING.examples(game, Games.SETTING.score(game));

        assertThat(examples).extracting(FinetuneRecord::agent).containsExactly("resource-exchange-player2");
        assertThat(examples.get(0).messages()).extracting(ChatMessage::role).containsExactly("system", "user", "assistant",
                "user", "assistant", "user", "assistant");
        assertThat(examples.get(0).messages().get(6).weight()).isNull();
    }

    @Test
    void aWinnerWithoutAValidMoveOfItsOwnGivesNoExample() {
        TrajectoryEvent game = played(Games.task("u6", "ultimatum", 1, Map.of("retries", 0)), "no idea");
        Outcome outcome = Games.SETTING.score(game);
        assertThat(outcome.labels()).containsEntry("responder", "win");
        assertThat(Games.SETTING.examples(game, outcome)).isEmpty();
        assertThat(outcome.counters()).containsEntry("endInvalid", 1).containsEntry("invalidReplies", 1);
    }

    @Test
    void gamesAreNeverRepaired() {
        TrajectoryEvent game = played(Games.task("u7", "ultimatum", 1), tagged("a", "OFFER", "5"), tagged("b", "REJECT", null));
        assertThat(Games.SETTING.repairs()).isFalse();
        assertThat(Games.SETTING.repairPlan(game, new RepairPolicy(RepairPolicy.Order.parse("non-final-in-order"), 2), 1)).isEmpty();
        assertThatThrownBy(() -> Games.SETTING.resume(game.task(), game.turns()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTrajectoryWithoutItsGameRecordIsRefused() {
        TrajectoryEvent game = played(Games.task("u8", "ultimatum", 1), tagged("a", "OFFER", "5"), tagged("b", "REJECT", null));
        assertThat(Games.SETTING.trajectoryProblem(game)).isEmpty();
        TrajectoryEvent bare = new TrajectoryEvent(game.id(), game.task(), game.origin(), null, null, 0, game.turns(),
                game.startedAt(), game.finishedAt());
        assertThat(Games.SETTING.trajectoryProblem(bare)).get().asString().contains("no game record");
        TrajectoryEvent cut = new TrajectoryEvent(game.id(), game.task(), game.origin(), null, null, 0,
                game.turns().subList(0, 1), game.startedAt(), game.finishedAt(), null, game.game());
        assertThat(Games.SETTING.trajectoryProblem(cut)).get().asString().contains("2 moves for 1 turns");
    }

    @Test
    void anEvaluationPlaysEachTrainableRoleOnItsRoundModelAgainstTheBaseOpponent() {
        Map<String, String> round = Map.of("resource-exchange-player1", "ft:a", "resource-exchange-player2", "ft:b");
        Map<String, String> base = Map.of("resource-exchange-player1", "base", "resource-exchange-player2", "base");

        List<TaskEvent> tasks = Games.SETTING.evaluationTasks(Games.task("r9", "resource-exchange", 9), round, base);

        assertThat(tasks).extracting(TaskEvent::id).containsExactly("r9~player1", "r9~player2");
        assertThat(tasks.get(0).models()).containsEntry("resource-exchange-player1", "ft:a")
                .containsEntry("resource-exchange-player2", "base");
        assertThat(tasks.get(1).models()).containsEntry("resource-exchange-player1", "base")
                .containsEntry("resource-exchange-player2", "ft:b");
        assertThat(tasks.get(0).overrides()).containsEntry("trainable", List.of("player1"));
        assertThat(tasks).extracting(TaskEvent::seed).containsOnly(9L);

        List<TaskEvent> ultimatum = Games.SETTING.evaluationTasks(Games.task("u9", "ultimatum", 9),
                Map.of("ultimatum-proposer", "ft:p"), Map.of("ultimatum-proposer", "base", "ultimatum-responder", "base"));
        assertThat(ultimatum).singleElement().satisfies(t -> assertThat(t.models())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ultimatum-proposer", "ft:p", "ultimatum-responder", "base")));
    }
}
