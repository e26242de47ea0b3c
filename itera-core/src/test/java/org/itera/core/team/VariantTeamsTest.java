package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.itera.core.repair.RepairMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standard catalogue's variants: the single-agent baselines, STaR, the no-repair and shared-model
 * ablations (trained on the base team's library) and library-shots.
 */
class VariantTeamsTest {

    private final TeamCatalog catalog = TeamCatalog.standard();

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "pubmedqa"})
    void theSingleTeamIsOneSolverWithItsOwnPromptsAndTheBasesAnswerFormat(String subject) {
        TeamDefinition single = catalog.team(subject + "-single");
        TeamDefinition base = catalog.team(subject);

        assertThat(single.roleNames()).containsExactly("solver");
        assertThat(single.agentIds()).containsExactly(subject + "-single-solver");
        assertThat(single.answerFormat()).isEqualTo(base.answerFormat());
        assertThat(single.finalRole().systemPrompt()).startsWith("prompts/" + subject + "-single/");
        assertThat(catalog.prompts().text(single.finalRole().userPrompt())).contains("{{question}}");
        assertThat(RepairMode.of(single)).isEqualTo(RepairMode.CRITIQUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "pubmedqa"})
    void starIsTheSingleSolverRepairedByRationalization(String subject) {
        TeamDefinition star = catalog.team(subject + "-star");

        assertThat(star.roles()).isEqualTo(catalog.team(subject + "-single").roles());
        assertThat(star.agentIds()).containsExactly(subject + "-star-solver");
        assertThat(RepairMode.of(star)).isEqualTo(RepairMode.RATIONALIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "pubmedqa"})
    void noRepairIsTheBaseTeamUnderItsOwnAgentIdsWithRepairsOff(String subject) {
        TeamDefinition norepair = catalog.team(subject + "-norepair");
        TeamDefinition base = catalog.team(subject);

        assertThat(norepair.roles()).isEqualTo(base.roles());
        assertThat(norepair.answerFormat()).isEqualTo(base.answerFormat());
        assertThat(norepair.agentIds()).doesNotContainAnyElementsOf(base.agentIds())
                .allSatisfy(id -> assertThat(id).startsWith(subject + "-norepair-"));
        assertThat(RepairMode.of(norepair)).isEqualTo(RepairMode.NONE);
        assertThat(RepairMode.of(base)).isEqualTo(RepairMode.CRITIQUE);
        TrainingRule training = TrainingRule.of(norepair, catalog);
        assertThat(training.source()).isEqualTo(base);
        assertThat(training.origins()).containsExactly("generated");
        assertThat(training.allRoles()).isFalse();
        assertThat(training.sourceAgents(base.roleNames().get(0)))
                .containsExactly(base.agentIds().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "pubmedqa"})
    void sharedIsTheBaseTeamTrainedAsOneModelOnEveryRolesExamplesOfTheBase(String subject) {
        TeamDefinition shared = catalog.team(subject + "-shared");
        TeamDefinition base = catalog.team(subject);
        TrainingRule training = TrainingRule.of(shared, catalog);

        assertThat(shared.roles()).isEqualTo(base.roles());
        assertThat(shared.agentIds()).allSatisfy(id -> assertThat(id).startsWith(subject + "-shared-"));
        assertThat(training.allRoles()).isTrue();
        assertThat(training.source()).isEqualTo(base);
        assertThat(training.origins()).isEqualTo(TrainingRule.ORIGINS);
        assertThat(training.sourceAgents(base.roleNames().get(0))).containsExactlyElementsOf(base.agentIds());
        assertThat(training.poolKey()).isEqualTo(subject + "-shared/all-roles");
        assertThat(RepairMode.of(shared)).isEqualTo(RepairMode.CRITIQUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "pubmedqa"})
    void shotsIsTheBaseTeamShownThreeOfTheBaseAgentsEntriesWithRepairsOff(String subject) {
        TeamDefinition shots = catalog.team(subject + "-shots");
        TeamDefinition base = catalog.team(subject);

        assertThat(shots.roles()).isEqualTo(base.roles());
        assertThat(shots.agentIds()).allSatisfy(id -> assertThat(id).startsWith(subject + "-shots-"));
        assertThat(ShotsRule.of(shots, catalog).agents()).extracting(ShotsRule.Shots::sourceAgent, ShotsRule.Shots::k)
                .containsExactlyElementsOf(base.agentIds().stream().map(id -> tuple(id, 3)).toList());
        assertThat(ShotsRule.of(base, catalog).off()).isTrue();
        assertThat(RepairMode.of(shots)).isEqualTo(RepairMode.NONE);
    }

    @Test
    void theVariantsKeepTheirOwnDescriptions() {
        assertThat(catalog.team("arithmetic-norepair").description()).contains("without repairs")
                .isNotEqualTo(catalog.team("arithmetic").description());
        assertThat(catalog.team("pubmedqa-star").description()).contains("STaR");
    }
}
