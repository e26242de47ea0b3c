package org.itera.filter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RepairTallyTest {

    @Test
    void nothingRepairedMeansARescueRateOfZero() {
        RepairTally tally = new RepairTally();
        tally.addExhausted(2);

        assertThat(tally.toMap()).isEqualTo(Map.of("repaired", 0L, "rescued", 0L, "exhausted", 2L, "rescueRate", 0.0));
    }

    @Test
    void theRescueRateIsRescuedOverRepaired() {
        RepairTally tally = new RepairTally();
        tally.addRegenerated(true, 1);
        tally.addRegenerated(false, 3);

        assertThat(tally.toMap()).containsEntry("repaired", 4L).containsEntry("rescued", 1L).containsEntry("rescueRate", 0.25);
        assertThat(tally.toMap().keySet()).containsExactly("repaired", "rescued", "exhausted", "rescueRate");
    }
}
