package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team option {@code libraryShots}: k and the source agents per agent, its default, and bad values. */
class ShotsRuleTest {

    private final TeamCatalog catalog = TeamCatalog.standard();
    private final TeamDefinition pubmedqa = catalog.team("pubmedqa");

    @Test
    void withoutTheOptionATeamHasNoShots() {
        ShotsRule rule = ShotsRule.of(pubmedqa, catalog);
        assertThat(rule.off()).isTrue();
        assertThat(rule.agents()).isEmpty();
    }

    @Test
    void eachAgentIsShownKEntriesOfTheFromTeamsAgentOfItsRole() {
        ShotsRule rule = ShotsRule.of(variant(Map.of("k", 3, "from", "pubmedqa")), catalog);
        assertThat(rule.off()).isFalse();
        assertThat(rule.source()).isEqualTo(pubmedqa);
        assertThat(rule.agents()).containsExactly(
                new ShotsRule.Shots("pubmedqa-variant-analyst", "pubmedqa-analyst", 3),
                new ShotsRule.Shots("pubmedqa-variant-solver", "pubmedqa-solver", 3));
    }

    @Test
    void withoutFromEachAgentIsShownItsOwnEntries() {
        ShotsRule rule = ShotsRule.of(variant(Map.of("k", 2)), catalog);
        assertThat(rule.agents()).extracting(ShotsRule.Shots::sourceAgent)
                .containsExactly("pubmedqa-variant-analyst", "pubmedqa-variant-solver");
        assertThat(rule.k()).isEqualTo(2);
    }

    @Test
    void badValuesAreRefusedNamingTheTeamAndTheField() {
        assertRefused(Map.of("from", "pubmedqa"), "k must be a whole number of at least 1, not null");
        assertRefused(Map.of("k", 0), "k must be a whole number of at least 1, not 0");
        assertRefused(Map.of("k", 1.5), "not 1.5");
        assertRefused(Map.of("k", "3"), "not 3");
        assertRefused(Map.of("k", 3, "from", "astrology"), "from names 'astrology', which has no problem-solving team");
        assertRefused(Map.of("k", 3, "form", "pubmedqa"), "unknown field 'form' (known: k, from)");
        assertThatThrownBy(() -> ShotsRule.of(new TeamDefinition(null, "pubmedqa-variant", "d", null,
                Map.of("libraryShots", 3), pubmedqa.roles()), catalog))
                .hasMessageContaining("team problem-solving/pubmedqa-variant: option libraryShots must be an object");
    }

    @Test
    void theFromTeamMustHaveEveryRoleOfTheTeam() {
        List<RoleDefinition> roles = new ArrayList<>(pubmedqa.roles());
        RoleDefinition solver = pubmedqa.role("solver").orElseThrow();
        roles.add(new RoleDefinition("judge", "Judge", solver.systemPrompt(), solver.userPrompt(), List.of()));
        TeamDefinition wider = new TeamDefinition(null, "pubmedqa-wider", "d", null,
                Map.of("libraryShots", Map.of("k", 1, "from", "pubmedqa")), roles);
        assertThatThrownBy(() -> ShotsRule.of(wider, catalog)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("team problem-solving/pubmedqa-wider: option libraryShots from 'pubmedqa'"
                        + " lacks role 'judge'");
    }

    private void assertRefused(Map<String, Object> shots, String reason) {
        assertThatThrownBy(() -> ShotsRule.of(variant(shots), catalog)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("team problem-solving/pubmedqa-variant: option libraryShots").hasMessageContaining(reason);
    }

    private TeamDefinition variant(Map<String, Object> shots) {
        return new TeamDefinition(null, "pubmedqa-variant", "d", "yes-no-maybe", Map.of("libraryShots", shots),
                pubmedqa.roles());
    }
}
