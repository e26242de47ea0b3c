package org.itera.core.setting.actorcritic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.core.setting.actorcritic.Episodes.ACCEPT;
import static org.itera.core.setting.actorcritic.Episodes.FEEDBACK;
import static org.itera.core.setting.actorcritic.Episodes.REJECT;
import static org.itera.core.setting.actorcritic.Episodes.RIGHT;
import static org.itera.core.setting.actorcritic.Episodes.SETTING;
import static org.itera.core.setting.actorcritic.Episodes.UNREADABLE;
import static org.itera.core.setting.actorcritic.Episodes.WRONG;
import static org.itera.core.setting.actorcritic.Episodes.run;

import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.Rate;
import org.itera.core.setting.RateValue;
import org.junit.jupiter.api.Test;

/** Each judge label, the final-answer rule and the counters behind the setting's rates. */
class ActorCriticScoringTest {

    private static Outcome score(String... replies) {
        return SETTING.score(run(replies));
    }

    @Test
    void rightAndAcceptedIsPtAndTheFirstAnswerIsFinal() {
        Outcome outcome = score(RIGHT, ACCEPT);

        assertThat(outcome.labels()).containsEntry("judge", "PT").containsEntry("actor", "right")
                .doesNotContainKey("critic");
        assertThat(outcome.success()).isTrue();
        assertThat(outcome.grade().extracted()).isEqualTo("7");
        assertThat(outcome.counters()).containsEntry("PT", 1).containsEntry("judgeCorrect", 1)
                .containsEntry("finalCorrect", 1).containsEntry("rejected", 0).containsEntry("unparsed", 0);
        assertThat(outcome.rewards()).containsEntry("actor", 1.0).containsEntry("judge", 1.0);
    }

    @Test
    void wrongAndAcceptedIsNfAndStaysWrong() {
        Outcome outcome = score(WRONG, ACCEPT);

        assertThat(outcome.labels()).containsEntry("judge", "NF").containsEntry("actor", "wrong");
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.counters()).containsEntry("NF", 1).containsEntry("judgeCorrect", 0);
        assertThat(outcome.rewards()).containsEntry("judge", 0.0);
    }

    @Test
    void wrongAndRejectedIsNtAndTheRephrasedAnswerIsFinal() {
        Outcome outcome = score(WRONG, REJECT, FEEDBACK, "3 + 4 = 7", RIGHT);

        assertThat(outcome.labels()).containsEntry("judge", "NT").containsEntry("critic", "helped");
        assertThat(outcome.success()).isTrue();
        assertThat(outcome.counters()).containsEntry("NT", 1).containsEntry("actorCorrect", 0)
                .containsEntry("finalCorrect", 1).containsEntry("rejected", 1).containsEntry("criticHelped", 1);
    }

    @Test
    void aRejectedEpisodeWhoseRephrasedAnswerIsWrongFailsEvenIfTheFirstWasRight() {
        Outcome outcome = score(RIGHT, REJECT, FEEDBACK, WRONG, WRONG);

        assertThat(outcome.labels()).containsEntry("judge", "PF").containsEntry("critic", "did-not-help");
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.grade().extracted()).isEqualTo("8");
        assertThat(outcome.counters()).containsEntry("PF", 1).containsEntry("actorCorrect", 1)
                .containsEntry("criticHelped", 0);
    }

    @Test
    void anUnreadableVerdictIsARejectCountedAsUnparsed() {
        Outcome outcome = score(RIGHT, UNREADABLE, FEEDBACK, RIGHT, RIGHT);

        assertThat(outcome.labels()).containsEntry("judge", "PF");
        assertThat(outcome.counters()).containsEntry("PF", 1).containsEntry("unparsed", 1).containsEntry("rejected", 1);
    }

    @Test
    void aRepairedEpisodeHasNoJudgeLabel() {
        Turn repaired = new Turn("actor", "m", List.of(ChatMessage.user("solve")), RIGHT, null, 1, "solve");
        TrajectoryEvent trajectory = Episodes.trajectory(List.of(repaired), TrajectoryEvent.ORIGIN_REGENERATED, 1);

        Outcome outcome = SETTING.score(trajectory);

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.labels()).containsOnlyKeys("actor");
        assertThat(outcome.counters()).containsEntry("judged", 0).containsEntry("finalCorrect", 1);
    }

    @Test
    void everyOutcomeCarriesEveryCounterOfTheSetting() {
        assertThat(score(RIGHT, ACCEPT).counters()).containsOnlyKeys(SETTING.counters());
        assertThat(score(WRONG, REJECT, FEEDBACK, WRONG, WRONG).counters()).containsOnlyKeys(SETTING.counters());
    }

    @Test
    void theRatesAreTpOverallJudgeAndCriticHelp() {
        List<Outcome> outcomes = List.of(score(RIGHT, ACCEPT), score(WRONG, ACCEPT),
                score(WRONG, REJECT, FEEDBACK, RIGHT, RIGHT), score(RIGHT, REJECT, FEEDBACK, WRONG, WRONG));
        Map<String, Long> sums = new java.util.HashMap<>();
        outcomes.forEach(o -> o.counters().forEach((k, v) -> sums.merge(k, (long) v, Long::sum)));

        Map<String, Double> rates = new java.util.LinkedHashMap<>();
        RateValue.of(SETTING.rates(), sums, outcomes.size()).forEach(r -> rates.put(r.name(), r.value()));

        assertThat(SETTING.rates()).extracting(Rate::name)
                .containsExactly("tpAccuracy", "overallAccuracy", "judgeAccuracy", "criticHelpRate");
        assertThat(rates).containsEntry("tpAccuracy", 0.25).containsEntry("overallAccuracy", 0.5)
                .containsEntry("judgeAccuracy", 0.5).containsEntry("criticHelpRate", 0.5);
    }
}
