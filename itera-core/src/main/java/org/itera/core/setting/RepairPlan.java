package org.itera.core.setting;

import org.itera.core.team.RoleDefinition;

/** What one repair works on: the role, and the index of its turn in the failed trajectory. */
public record RepairPlan(RoleDefinition role, int turnIndex) {
}
