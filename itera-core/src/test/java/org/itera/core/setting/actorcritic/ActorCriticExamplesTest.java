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
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.junit.jupiter.api.Test;

/** Which examples each role gets from an episode, and that each rule can be switched off. */
class ActorCriticExamplesTest {

    private static final String REPHRASED = "Adding 3 and 4 gives 7.\nAnswer: 7";

    private static List<FinetuneRecord> examples(ActorCriticSetting setting, TrajectoryEvent trajectory) {
        return setting.examples(trajectory, setting.score(trajectory));
    }

    private static FinetuneRecord of(List<FinetuneRecord> examples, String role) {
        return examples.stream().filter(e -> e.role().equals(role)).findFirst().orElseThrow();
    }

    private static String answer(FinetuneRecord example) {
        return example.messages().get(example.messages().size() - 1).content();
    }

    @Test
    void ptTrainsTheActorOnItsFirstAnswerAndTheJudgeOnItsVerdict() {
        TrajectoryEvent trajectory = run(RIGHT, ACCEPT);

        List<FinetuneRecord> examples = examples(SETTING, trajectory);

        assertThat(examples).extracting(FinetuneRecord::agent).containsExactly("arithmetic-actor", "arithmetic-judge");
        assertThat(answer(of(examples, "actor"))).isEqualTo(RIGHT);
        assertThat(answer(of(examples, "judge"))).isEqualTo(ACCEPT);
        assertThat(of(examples, "judge").messages().subList(0, 2)).isEqualTo(trajectory.turns().get(1).messages());
        assertThat(examples).extracting(FinetuneRecord::id)
                .containsExactly(trajectory.id() + "/actor", trajectory.id() + "/judge");
    }

    @Test
    void aRescuedRejectTrainsTheActorOnItsOriginalSolvePromptWithTheRephrasedAnswer() {
        TrajectoryEvent trajectory = run(WRONG, REJECT, FEEDBACK, "3 + 4 = 7", REPHRASED);

        List<FinetuneRecord> examples = examples(SETTING, trajectory);

        assertThat(examples).extracting(FinetuneRecord::role).containsExactly("actor", "judge", "critic");
        FinetuneRecord actor = of(examples, "actor");
        assertThat(actor.messages().subList(0, 2)).isEqualTo(trajectory.turns().get(0).messages());
        assertThat(answer(actor)).isEqualTo(REPHRASED);
        assertThat(actor.messages()).extracting(ChatMessage::content).noneMatch(text -> text.contains(FEEDBACK));
        assertThat(answer(of(examples, "critic"))).isEqualTo(FEEDBACK);
    }

    @Test
    void nfTrainsNobody() {
        assertThat(examples(SETTING, run(WRONG, ACCEPT))).isEmpty();
    }

    @Test
    void anUnrescuedNtStillTrainsTheJudgeWhoWasRight() {
        List<FinetuneRecord> examples = examples(SETTING, run(WRONG, REJECT, FEEDBACK, WRONG, WRONG));

        assertThat(examples).extracting(FinetuneRecord::role).containsExactly("judge");
    }

    @Test
    void pfTrainsTheActorAndTheCriticWhenTheAnswerStayedRightButNeverTheWrongJudge() {
        List<FinetuneRecord> examples = examples(SETTING, run(RIGHT, REJECT, FEEDBACK, RIGHT, REPHRASED));

        assertThat(examples).extracting(FinetuneRecord::role).containsExactly("actor", "critic");
    }

    @Test
    void anUnreadableVerdictNeverTrainsTheJudge() {
        List<FinetuneRecord> examples = examples(SETTING, run(WRONG, UNREADABLE, FEEDBACK, WRONG, WRONG));

        assertThat(examples).isEmpty();
    }

    @Test
    void aRightRepairedFirstAnswerTrainsTheActorOnly() {
        Turn repaired = new Turn("actor", "m", List.of(ChatMessage.system("s"), ChatMessage.user("solve it")),
                RIGHT, null, 1, "solve");
        TrajectoryEvent trajectory = Episodes.trajectory(List.of(repaired), TrajectoryEvent.ORIGIN_REGENERATED, 1);

        List<FinetuneRecord> examples = examples(SETTING, trajectory);

        assertThat(examples).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("actor");
            assertThat(e.origin()).isEqualTo("regenerated");
            assertThat(e.messages()).extracting(ChatMessage::content).containsExactly("s", "solve it", RIGHT);
        });
    }

    @Test
    void eachRuleCanBeSwitchedOffInTheTeamOptions() {
        TrajectoryEvent accepted = run(RIGHT, ACCEPT);
        TrajectoryEvent rescued = run(WRONG, REJECT, FEEDBACK, RIGHT, REPHRASED);

        assertThat(examples(Episodes.withOptions(Map.of("trainActorAccepted", false)), accepted))
                .extracting(FinetuneRecord::role).containsExactly("judge");
        assertThat(examples(Episodes.withOptions(Map.of("trainJudge", false)), accepted))
                .extracting(FinetuneRecord::role).containsExactly("actor");
        assertThat(examples(Episodes.withOptions(Map.of("trainActorRevised", false)), rescued))
                .extracting(FinetuneRecord::role).containsExactly("judge", "critic");
        assertThat(examples(Episodes.withOptions(Map.of("trainCritic", false)), rescued))
                .extracting(FinetuneRecord::role).containsExactly("actor", "judge");
    }

    @Test
    void theCriticMayBeLimitedToFeedbackThatFixedAWrongAnswer() {
        ActorCriticSetting strict = Episodes.withOptions(Map.of("criticOnlyWhenItFixed", true));

        assertThat(examples(strict, run(RIGHT, REJECT, FEEDBACK, RIGHT, REPHRASED)))
                .extracting(FinetuneRecord::role).containsExactly("actor");
        assertThat(examples(strict, run(WRONG, REJECT, FEEDBACK, RIGHT, REPHRASED)))
                .extracting(FinetuneRecord::role).containsExactly("actor", "judge", "critic");
    }
}
