package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team option {@code training}: its defaults, what each field selects, and the errors of bad values. */
class TrainingRuleTest {

    private final TeamCatalog catalog = TeamCatalog.standard();
    private final TeamDefinition pubmedqa = catalog.team("pubmedqa");

    @Test
    void withoutTheOptionATeamTrainsEachRoleOnItsOwnExamplesOfEveryOrigin() {
        TrainingRule rule = TrainingRule.of(pubmedqa, catalog);
        assertThat(rule.isDefault()).isTrue();
        assertThat(rule.origins()).containsExactlyInAnyOrder("generated", "regenerated");
        assertThat(rule.sourceAgents("solver")).containsExactly("pubmedqa-solver");
    }

    @Test
    void fromAndOriginsSelectTheSourcesSameRoleAndFirstAttempts() {
        TrainingRule rule = TrainingRule.of(variant(Map.of("from", "pubmedqa", "origins", List.of("generated"))), catalog);
        assertThat(rule.isDefault()).isFalse();
        assertThat(rule.allRoles()).isFalse();
        assertThat(rule.source()).isEqualTo(pubmedqa);
        assertThat(rule.origins()).containsExactly("generated");
        assertThat(rule.sourceAgents("analyst")).containsExactly("pubmedqa-analyst");
    }

    @Test
    void allRolesPoolsEverySourceRoleUnderOneKey() {
        TrainingRule rule = TrainingRule.of(variant(Map.of("from", "pubmedqa", "pool", "all-roles")), catalog);
        assertThat(rule.allRoles()).isTrue();
        assertThat(rule.sourceAgents("analyst")).containsExactly("pubmedqa-analyst", "pubmedqa-solver");
        assertThat(rule.poolKey()).isEqualTo("pubmedqa-variant/all-roles");
        TrainingRule own = TrainingRule.of(variant(Map.of("pool", "all-roles")), catalog);
        assertThat(own.sourceAgents("solver")).containsExactly("pubmedqa-variant-analyst", "pubmedqa-variant-solver");
    }

    @Test
    void badValuesAreRefusedNamingTheTeamAndTheField() {
        assertRefused(Map.of("from", "astrology"), "from names 'astrology', which has no problem-solving team");
        assertRefused(Map.of("from", "pubmedqa", "origins", List.of("generated", "rephrased")), "unknown origin 'rephrased'");
        assertRefused(Map.of("origins", List.of()), "origins must be a non-empty list");
        assertRefused(Map.of("pool", "by-role"), "pool must be \"per-role\" or \"all-roles\", not by-role");
        assertRefused(Map.of("form", "pubmedqa"), "unknown field 'form'");
        assertThatThrownBy(() -> TrainingRule.of(new TeamDefinition(null, "pubmedqa-variant", "d", null,
                Map.of("training", "pubmedqa"), pubmedqa.roles()), catalog))
                .hasMessageContaining("team problem-solving/pubmedqa-variant: option training must be an object");
    }

    @Test
    void perRoleNeedsEveryRoleInTheSourceTeamButAllRolesDoesNot() {
        List<RoleDefinition> roles = new ArrayList<>(pubmedqa.roles());
        RoleDefinition solver = pubmedqa.role("solver").orElseThrow();
        roles.add(new RoleDefinition("judge", "Judge", solver.systemPrompt(), solver.userPrompt(), List.of()));
        TeamDefinition wider = new TeamDefinition(null, "pubmedqa-wider", "d", null,
                Map.of("training", Map.of("from", "pubmedqa")), roles);
        assertThatThrownBy(() -> TrainingRule.of(wider, catalog)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from 'pubmedqa' lacks role 'judge'");
        TeamDefinition pooled = new TeamDefinition(null, "pubmedqa-wider", "d", null,
                Map.of("training", Map.of("from", "pubmedqa", "pool", "all-roles")), roles);
        assertThat(TrainingRule.of(pooled, catalog).sourceAgents("judge")).containsExactly("pubmedqa-analyst", "pubmedqa-solver");
    }

    private void assertRefused(Map<String, Object> training, String reason) {
        assertThatThrownBy(() -> TrainingRule.of(variant(training), catalog)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("team problem-solving/pubmedqa-variant: option training").hasMessageContaining(reason);
    }

    private TeamDefinition variant(Map<String, Object> training) {
        return new TeamDefinition(null, "pubmedqa-variant", "d", "yes-no-maybe", Map.of("training", training),
                pubmedqa.roles());
    }
}
