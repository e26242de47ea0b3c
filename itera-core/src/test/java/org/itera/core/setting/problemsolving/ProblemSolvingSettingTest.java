package org.itera.core.setting.problemsolving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.RepairPlan;
import org.itera.core.setting.ScriptedCaller;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;

/** Problem solving through the seam: episode, score, examples and repair plan. */
class ProblemSolvingSettingTest {

    private static final TaskEvent TASK = new TaskEvent("arithmetic/1", "problem-solving", "arithmetic",
            "Tom has 3 apples and buys 4 more. How many apples does he have?", null, null, "7", "train", 2);

    private final ProblemSolvingSetting setting = new ProblemSolvingSetting(TeamCatalog.standard());

    private TrajectoryEvent run(String... replies) {
        List<Turn> turns = TeamRunner.drive(setting.start(TASK), new ScriptedCaller(replies));
        return new TrajectoryEvent(TrajectoryEvent.idFor(TASK, 0), TASK, TrajectoryEvent.ORIGIN_GENERATED, null, null,
                0, turns, Instant.now(), Instant.now());
    }

    @Test
    void theEpisodeAsksEachRoleOnceInOrderAndNamesNoStep() {
        ScriptedCaller caller = new ScriptedCaller("3 + 4 = 7", "Answer: 7");

        List<Turn> turns = TeamRunner.drive(setting.start(TASK), caller);

        assertThat(caller.agentIds()).containsExactly("arithmetic-calculator", "arithmetic-reporter");
        assertThat(turns).extracting(Turn::role).containsExactly("calculator", "reporter");
        assertThat(turns).extracting(Turn::step).containsOnlyNulls();
        assertThat(caller.calls.get(1).user()).contains("### Calculation\n3 + 4 = 7");
    }

    @Test
    void aRightFinalAnswerIsEveryRolesSuccess() {
        Outcome outcome = setting.score(run("3 + 4 = 7", "Answer: 7"));

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.grade().extracted()).isEqualTo("7");
        assertThat(outcome.rewards()).containsEntry("calculator", 1.0).containsEntry("reporter", 1.0);
        assertThat(outcome.counters()).containsExactlyEntriesOf(java.util.Map.of("correct", 1));
        assertThat(outcome.labels()).isEmpty();
    }

    @Test
    void aWrongFinalAnswerFailsAndYieldsNoExample() {
        TrajectoryEvent trajectory = run("3 + 4 = 8", "Answer: 8");
        Outcome outcome = setting.score(trajectory);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.counters()).containsEntry("correct", 0);
        assertThat(outcome.rewards()).containsEntry("reporter", 0.0);
        assertThat(setting.examples(trajectory, outcome)).isEmpty();
    }

    @Test
    void aSuccessYieldsOneExamplePerRoleEndingWithItsOwnAnswer() {
        TrajectoryEvent trajectory = run("3 + 4 = 7", "Answer: 7");

        List<FinetuneRecord> examples = setting.examples(trajectory, setting.score(trajectory));

        assertThat(examples).extracting(FinetuneRecord::agent)
                .containsExactly("arithmetic-calculator", "arithmetic-reporter");
        assertThat(examples).extracting(FinetuneRecord::id)
                .containsExactly(trajectory.id() + "/calculator", trajectory.id() + "/reporter");
        FinetuneRecord reporter = examples.get(1);
        assertThat(reporter.messages()).extracting(ChatMessage::role).containsExactly("system", "user", "assistant");
        assertThat(reporter.messages().get(2).content()).isEqualTo("Answer: 7");
        assertThat(reporter.round()).isEqualTo(2);
        assertThat(reporter.origin()).isEqualTo("generated");
    }

    @Test
    void repairsFollowThePolicyAndPointAtTheRolesTurn() {
        TrajectoryEvent failed = run("3 + 4 = 8", "Answer: 8");
        RepairPolicy policy = new RepairPolicy(RepairPolicy.Order.ALL_IN_ORDER, 2);

        RepairPlan first = setting.repairPlan(failed, policy, 1).orElseThrow();
        RepairPlan second = setting.repairPlan(failed, policy, 2).orElseThrow();

        assertThat(first.role().name()).isEqualTo("calculator");
        assertThat(first.turnIndex()).isZero();
        assertThat(second.role().name()).isEqualTo("reporter");
        assertThat(second.turnIndex()).isEqualTo(1);
        assertThat(setting.repairPlan(failed, policy, 3)).isEmpty();
    }

    @Test
    void aTrajectoryWithTheWrongNumberOfTurnsCannotBeRepaired() {
        TrajectoryEvent full = run("3 + 4 = 8", "Answer: 8");
        TrajectoryEvent cut = new TrajectoryEvent(full.id(), TASK, full.origin(), null, null, 0,
                full.turns().subList(0, 1), full.startedAt(), full.finishedAt());

        assertThatThrownBy(() -> setting.repairPlan(cut, new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trajectory " + full.id() + " has 1 turns, its team has 2 roles");
    }

    @Test
    void resumingAfterARepairedTurnRunsOnlyTheLaterRoles() {
        Turn repaired = new Turn("calculator", "m", List.of(ChatMessage.user("p")), "3 + 4 = 7", null, 1);
        ScriptedCaller caller = new ScriptedCaller("Answer: 7");

        List<Turn> turns = TeamRunner.drive(setting.resume(TASK, List.of(repaired)), caller);

        assertThat(caller.agentIds()).containsExactly("arithmetic-reporter");
        assertThat(turns).hasSize(2).first().isSameAs(repaired);
    }
}
