package org.itera.core.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.junit.jupiter.api.Test;

class RepairPolicyTest {

    final TeamDefinition physics = TeamCatalog.standard().team("physics");
    final TeamDefinition pubmedqa = TeamCatalog.standard().team("pubmedqa");

    @Test
    void byDefaultRepairsTheNonFinalRolesInSpeakingOrder() {
        RepairPolicy policy = new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 3);
        assertThat(policy.roleFor(physics, 1)).map(RoleDefinition::name).contains("physicist");
        assertThat(policy.roleFor(physics, 2)).map(RoleDefinition::name).contains("mathematician");
        assertThat(policy.roleFor(physics, 3)).map(RoleDefinition::name).contains("physicist");
        assertThat(policy.roleFor(pubmedqa, 2)).map(RoleDefinition::name).contains("analyst");
    }

    @Test
    void otherOrdersIncludeOrOnlyRepairTheFinalRole() {
        assertThat(new RepairPolicy(RepairPolicy.Order.ALL_IN_ORDER, 3).roleFor(physics, 3))
                .map(RoleDefinition::name).contains("synthesizer");
        assertThat(new RepairPolicy(RepairPolicy.Order.FINAL_ONLY, 2).roleFor(pubmedqa, 1))
                .map(RoleDefinition::name).contains("solver");
    }

    @Test
    void theBudgetBoundsTheRepairs() {
        RepairPolicy policy = new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 2);
        assertThat(policy.hasBudgetAfter(0)).isTrue();
        assertThat(policy.hasBudgetAfter(1)).isTrue();
        assertThat(policy.hasBudgetAfter(2)).isFalse();
        assertThat(policy.roleFor(physics, 3)).isEmpty();
        assertThat(policy.roleFor(physics, 0)).isEmpty();
        assertThat(new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 0).hasBudgetAfter(0)).isFalse();
        assertThatThrownBy(() -> new RepairPolicy(RepairPolicy.Order.FINAL_ONLY, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersAreParsedFromTheirConfigurationNames() {
        assertThat(RepairPolicy.Order.parse("non-final-in-order")).isEqualTo(RepairPolicy.Order.NON_FINAL_IN_ORDER);
        assertThat(RepairPolicy.Order.parse(" FINAL-ONLY ")).isEqualTo(RepairPolicy.Order.FINAL_ONLY);
        assertThatThrownBy(() -> RepairPolicy.Order.parse("random")).isInstanceOf(IllegalArgumentException.class);
    }
}
