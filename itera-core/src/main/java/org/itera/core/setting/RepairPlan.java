package org.itera.core.setting;

import java.util.List;
import org.itera.core.event.Turn;
import org.itera.core.team.RoleDefinition;

/**
 * What one repair works on: the role, the index of its turn in the failed trajectory, and the
 * turns the repair loop's critic is shown as the team's work (a team's every turn; for
 * actor-critic the actor's first and final answers, not the judge's and critic's chatter).
 */
public record RepairPlan(RoleDefinition role, int turnIndex, List<Turn> shown) {

    public RepairPlan {
        shown = List.copyOf(shown);
    }
}
