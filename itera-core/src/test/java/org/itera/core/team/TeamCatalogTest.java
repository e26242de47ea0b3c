package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The standard catalogue, and the definitions it is made of. */
class TeamCatalogTest {

    private static final List<String> VARIANTS = List.of("arithmetic-single", "arithmetic-star",
            "arithmetic-norepair", "arithmetic-shared", "arithmetic-shots", "pubmedqa-single", "pubmedqa-star",
            "pubmedqa-norepair", "pubmedqa-shared", "pubmedqa-shots");

    private final TeamCatalog catalog = TeamCatalog.standard();

    static Stream<Arguments> documentedTeams() {
        return Stream.of(
                Arguments.of("physics", List.of("physicist", "mathematician", "synthesizer")),
                Arguments.of("chemistry", List.of("chemist", "mathematician", "synthesizer")),
                Arguments.of("pubmedqa", List.of("analyst", "solver")),
                Arguments.of("gsm8k", List.of("planner", "calculator", "checker")),
                Arguments.of("arithmetic", List.of("calculator", "reporter")));
    }

    @Test
    void theStandardCatalogueHasTheFiveDocumentedSubjectsTheirVariantsAndTheThreeGames() {
        List<String> subjects = new ArrayList<>(List.of("physics", "chemistry", "pubmedqa", "gsm8k", "arithmetic"));
        subjects.addAll(VARIANTS);
        assertThat(catalog.teams()).extracting(TeamDefinition::subject).containsExactlyInAnyOrderElementsOf(subjects);
        subjects.addAll(List.of("resource-exchange", "ultimatum", "sell-buy"));
        assertThat(catalog.subjects()).containsExactlyInAnyOrderElementsOf(subjects);
    }

    @Test
    void theStandardCatalogueIsLoadedOnce() {
        assertThat(TeamCatalog.standard()).isSameAs(catalog);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("documentedTeams")
    void eachTeamHasItsDocumentedRolesInOrder(String subject, List<String> roles) {
        TeamDefinition team = catalog.team(subject);

        assertThat(team.subject()).isEqualTo(subject);
        assertThat(team.roleNames()).containsExactlyElementsOf(roles);
        assertThat(team.description()).isNotBlank();
        assertThat(team.finalRole().name()).isEqualTo(roles.get(roles.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedTeams")
    void onlyTheLastRoleIsFinal(String subject, List<String> roles) {
        TeamDefinition team = catalog.team(subject);

        assertThat(team.roles()).filteredOn(team::isFinal).extracting(RoleDefinition::name)
                .containsExactly(roles.get(roles.size() - 1));
    }

    @Test
    void everyPromptResourceLoadsAndIsNotBlank() {
        List<String> checked = new ArrayList<>();
        for (TeamDefinition team : catalog.teams()) {
            for (RoleDefinition role : team.roles()) {
                for (String path : List.of(role.systemPrompt(), role.userPrompt())) {
                    assertThat(path).as("prompt path of %s/%s", team.subject(), role.name()).startsWith("prompts/");
                    assertThat(catalog.prompts().text(path)).as(path).isNotBlank();
                    checked.add(path);
                }
            }
        }
        // the five teams, then the variants: single and star one role each, norepair, shared and shots the base's roles
        assertThat(checked).hasSize(2 * (3 + 3 + 2 + 3 + 2) + 2 * (1 + 1 + 2 + 2 + 2 + 1 + 1 + 2 + 2 + 2));
    }

    @Test
    void everyUserPromptAsksForTheQuestion() {
        for (TeamDefinition team : catalog.teams()) {
            for (RoleDefinition role : team.roles()) {
                assertThat(catalog.prompts().text(role.userPrompt()))
                        .as("%s/%s", team.subject(), role.name()).contains("{{question}}");
            }
        }
    }

    @Test
    void everyRoleSeesOnlyEarlierRolesOfItsTeam() {
        for (TeamDefinition team : catalog.teams()) {
            List<String> names = team.roleNames();
            for (int i = 0; i < names.size(); i++) {
                RoleDefinition role = team.roles().get(i);
                assertThat(names.subList(0, i)).as("%s/%s may see", team.subject(), role.name())
                        .containsAll(role.sees());
                assertThat(role.sees()).doesNotHaveDuplicates();
            }
            assertThat(team.roles().get(0).sees()).as("first role of %s", team.subject()).isEmpty();
        }
    }

    @Test
    void laterRolesSeeWhatTheDesignSays() {
        assertThat(sees("physics", "mathematician")).containsExactly("physicist");
        assertThat(sees("physics", "synthesizer")).containsExactly("physicist", "mathematician");
        assertThat(sees("chemistry", "synthesizer")).containsExactly("chemist", "mathematician");
        assertThat(sees("pubmedqa", "solver")).containsExactly("analyst");
        assertThat(sees("gsm8k", "checker")).containsExactly("planner", "calculator");
        assertThat(sees("arithmetic", "reporter")).containsExactly("calculator");
    }

    private List<String> sees(String subject, String role) {
        return catalog.team(subject).role(role).orElseThrow().sees();
    }

    @Test
    void rolesHaveTheTitlesLaterRolesSeeThemUnder() {
        assertThat(catalog.team("physics").role("physicist")).get()
                .extracting(RoleDefinition::title).isEqualTo("Physicist's analysis");
        assertThat(catalog.team("chemistry").role("chemist")).get()
                .extracting(RoleDefinition::title).isEqualTo("Chemist's analysis");
        for (TeamDefinition team : catalog.teams()) {
            assertThat(team.roles()).extracting(RoleDefinition::title).allSatisfy(t -> assertThat(t).isNotBlank());
        }
    }

    @Test
    void agentIdsAreSubjectDashRoleSoSharedRolesStayApart() {
        assertThat(catalog.team("physics").agentId("mathematician")).isEqualTo("physics-mathematician");
        assertThat(catalog.team("chemistry").agentId("mathematician")).isEqualTo("chemistry-mathematician");
        assertThat(catalog.team("pubmedqa").agentId("solver")).isEqualTo("pubmedqa-solver");

        List<String> all = catalog.teams().stream()
                .flatMap(t -> t.roleNames().stream().map(t::agentId)).toList();
        assertThat(all).hasSize(13 + 16).doesNotHaveDuplicates();
    }

    @Test
    void physicsAndChemistryShareTheMathematicianPromptsButNotTheAgent() {
        RoleDefinition physics = catalog.team("physics").role("mathematician").orElseThrow();
        RoleDefinition chemistry = catalog.team("chemistry").role("mathematician").orElseThrow();

        assertThat(physics.systemPrompt()).isEqualTo(chemistry.systemPrompt());
        assertThat(physics.sees()).containsExactly("physicist");
        assertThat(chemistry.sees()).containsExactly("chemist");
    }

    @Test
    void anUnknownSubjectThrowsWithAClearMessage() {
        assertThatThrownBy(() -> catalog.team("astrology"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no team for subject 'astrology'");
        assertThatThrownBy(() -> catalog.team(null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnknownRoleIsEmpty() {
        assertThat(catalog.team("physics").role("chemist")).isEmpty();
    }

    @Test
    void theCatalogueCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> catalog.subjects().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.teams().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.team("gsm8k").roles().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTeamWithoutRolesIsRefused() {
        assertThatThrownBy(() -> new TeamDefinition("empty", "nothing", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("team 'empty' has no roles");
        assertThatThrownBy(() -> new TeamDefinition("none", "nothing", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("team 'none' has no roles");
    }

    @Test
    void aTeamKeepsACopyOfItsRoles() {
        List<RoleDefinition> roles = new ArrayList<>(List.of(role("a"), role("b")));
        TeamDefinition team = new TeamDefinition("t", "d", roles);

        roles.add(role("c"));

        assertThat(team.roleNames()).containsExactly("a", "b");
        assertThat(team.finalRole().name()).isEqualTo("b");
        assertThat(team.isFinal(role("a"))).isFalse();
        assertThat(team.isFinal(role("b"))).isTrue();
    }

    @Test
    void aRoleWithoutSeesSeesNothingAndKeepsACopy() {
        assertThat(new RoleDefinition("r", "R", "s", "u", null).sees()).isEmpty();

        List<String> sees = new ArrayList<>(List.of("a"));
        RoleDefinition role = new RoleDefinition("r", "R", "s", "u", sees);
        sees.add("b");

        assertThat(role.sees()).containsExactly("a");
    }

    @Test
    void thePromptLibraryCachesWhatItReads() {
        PromptLibrary prompts = new PromptLibrary(getClass().getClassLoader());

        String first = prompts.text("prompts/shared/synthesizer.system.txt");

        assertThat(first).contains("final answer");
        assertThat(prompts.text("prompts/shared/synthesizer.system.txt")).isSameAs(first);
    }

    @Test
    void thePromptLibraryNamesAMissingResource() {
        PromptLibrary prompts = new PromptLibrary(getClass().getClassLoader());

        assertThatThrownBy(() -> prompts.text("prompts/nowhere/ghost.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prompts/nowhere/ghost.txt");
    }

    @Test
    void thePromptLibraryReadsListsWithoutCommentsOrBlankLines() {
        PromptLibrary prompts = new PromptLibrary(getClass().getClassLoader());

        assertThat(prompts.lines("teams/index.txt"))
                .containsExactly("physics", "chemistry", "pubmedqa", "gsm8k", "arithmetic", "arithmetic-single",
                        "arithmetic-star", "arithmetic-norepair", "arithmetic-shared", "arithmetic-shots",
                        "pubmedqa-single", "pubmedqa-star", "pubmedqa-norepair", "pubmedqa-shared", "pubmedqa-shots");
    }

    private static RoleDefinition role(String name) {
        return new RoleDefinition(name, name.toUpperCase(), "s", "u", List.of());
    }
}
