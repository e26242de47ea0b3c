package org.itera.core.setting.actorcritic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.core.setting.actorcritic.Episodes.ACCEPT;
import static org.itera.core.setting.actorcritic.Episodes.FEEDBACK;
import static org.itera.core.setting.actorcritic.Episodes.REJECT;
import static org.itera.core.setting.actorcritic.Episodes.SETTING;
import static org.itera.core.setting.actorcritic.Episodes.WRONG;
import static org.itera.core.setting.actorcritic.Episodes.run;

import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.RepairPlan;
import org.junit.jupiter.api.Test;

/** The repair loop works on the actor's first answer and shows its critic the actor's answers only. */
class ActorCriticRepairPlanTest {

    private static final RepairPolicy POLICY = new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 2);

    @Test
    void aRejectedEpisodeIsRepairedAtTheFirstAnswerShowingItAndTheFinalOne() {
        TrajectoryEvent failed = run(WRONG, REJECT, FEEDBACK, "still 8", "3 + 4 = 9\nAnswer: 9");

        RepairPlan plan = SETTING.repairPlan(failed, POLICY, 1).orElseThrow();

        assertThat(plan.role().name()).isEqualTo("actor");
        assertThat(plan.turnIndex()).isZero();
        assertThat(plan.shown()).extracting(Turn::step).containsExactly("solve", "rephrase");
        assertThat(plan.shown()).extracting(Turn::output).doesNotContain(REJECT, FEEDBACK);
    }

    @Test
    void anAcceptedWrongAnswerIsShownAlone() {
        RepairPlan plan = SETTING.repairPlan(run(WRONG, ACCEPT), POLICY, 2).orElseThrow();

        assertThat(plan.shown()).extracting(Turn::output).containsExactly(WRONG);
    }

    @Test
    void theBudgetEndsTheRepairs() {
        assertThat(SETTING.repairPlan(run(WRONG, ACCEPT), POLICY, 3)).isEmpty();
        assertThat(SETTING.repairPlan(run(WRONG, ACCEPT), new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 0), 1))
                .isEmpty();
    }
}
