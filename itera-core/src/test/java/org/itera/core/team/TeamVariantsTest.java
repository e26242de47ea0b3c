package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** basedOn: what a variant inherits, what it overrides, and the bases it refuses. */
class TeamVariantsTest {

    private static final RoleDefinition ANALYST = new RoleDefinition("analyst", "Analysis", "a.sys", "a.user",
            List.of());
    private static final RoleDefinition SOLVER = new RoleDefinition("solver", "Decision", "s.sys", "s.user",
            List.of("analyst"));
    private static final RoleDefinition ALONE = new RoleDefinition("solver", "Answer", "x.sys", "x.user", List.of());

    private static final TeamFile BASE = new TeamFile(null, "bio", null, "the bio team", "yes-no-maybe",
            Map.of("judgeRounds", 2, "repair", "critique"), List.of(ANALYST, SOLVER));

    private static TeamFile variant(String subject, String basedOn, Map<String, Object> options,
            List<RoleDefinition> roles) {
        return new TeamFile(null, subject, basedOn, null, null, options, roles);
    }

    private static TeamDefinition resolved(String subject, TeamFile... files) {
        return TeamVariants.resolve(List.of(files)).stream().filter(t -> t.subject().equals(subject)).findFirst()
                .orElseThrow();
    }

    @Test
    void aVariantTakesItsBasesRolesFormatAndDescriptionUnderItsOwnSubject() {
        TeamDefinition norepair = resolved("bio-norepair", BASE, variant("bio-norepair", "bio", null, null));

        assertThat(norepair.roles()).containsExactly(ANALYST, SOLVER);
        assertThat(norepair.answerFormat()).isEqualTo("yes-no-maybe");
        assertThat(norepair.description()).isEqualTo("the bio team");
        assertThat(norepair.setting()).isEqualTo("problem-solving");
        assertThat(norepair.agentIds()).containsExactly("bio-norepair-analyst", "bio-norepair-solver");
    }

    @Test
    void optionsAreMergedAndTheVariantsWin() {
        TeamDefinition star = resolved("bio-x", BASE, variant("bio-x", "bio", Map.of("repair", "none", "k", 1), null));

        assertThat(star.options()).containsExactlyInAnyOrderEntriesOf(
                Map.of("judgeRounds", 2, "repair", "none", "k", 1));
        assertThat(resolved("bio", BASE, variant("bio-x", "bio", Map.of("repair", "none"), null)).options())
                .containsEntry("repair", "critique");
    }

    @Test
    void aVariantsOwnRolesReplaceTheBasesAndAVariantMayBeTheBaseOfAnother() {
        TeamFile single = new TeamFile(null, "bio-single", "bio", "one solver", null, null, List.of(ALONE));
        TeamFile star = variant("bio-star", "bio-single", Map.of("repair", "rationalize"), null);

        TeamDefinition resolved = resolved("bio-star", star, single, BASE);

        assertThat(resolved.roles()).containsExactly(ALONE);
        assertThat(resolved.description()).isEqualTo("one solver");
        assertThat(resolved.answerFormat()).isEqualTo("yes-no-maybe");
        assertThat(resolved.options()).containsEntry("repair", "rationalize").containsEntry("judgeRounds", 2);
        assertThat(resolved.agentIds()).containsExactly("bio-star-solver");
    }

    @Test
    void anUnknownBaseIsRefusedWithItsName() {
        assertThatThrownBy(() -> TeamVariants.resolve(List.of(BASE, variant("bio-x", "biology", null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("team problem-solving/bio-x is based on 'biology', which is no problem-solving team"
                        + " (a base must be listed in the same setting's index)");
    }

    @Test
    void aBaseOfAnotherSettingIsNotFound() {
        TeamFile critic = new TeamFile("actor-critic", "bio-ac", "bio", null, null, null, null);

        assertThatThrownBy(() -> TeamVariants.resolve(List.of(BASE, critic)))
                .hasMessageContaining("team actor-critic/bio-ac is based on 'bio', which is no actor-critic team");
    }

    @Test
    void aCycleIsRefusedWithItsChain() {
        assertThatThrownBy(() -> TeamVariants.resolve(List.of(variant("a", "b", null, null),
                variant("b", "c", null, null), variant("c", "a", null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("team problem-solving/a is based on itself: problem-solving/a -> problem-solving/b"
                        + " -> problem-solving/c -> problem-solving/a");
        assertThatThrownBy(() -> TeamVariants.resolve(List.of(variant("a", "a", null, null))))
                .hasMessageContaining("is based on itself");
    }

    @Test
    void aTeamDefinedTwiceIsRefused() {
        assertThatThrownBy(() -> TeamVariants.resolve(List.of(BASE, BASE)))
                .hasMessage("team problem-solving/bio is defined twice");
    }
}
