package org.itera.finetune.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.junit.jupiter.api.Test;

/**
 * The trainees of the teams, with the test teams of {@code src/test/resources/teams} on the class
 * path: {@code biomed-firsttry} (per role, biomed's first attempts) and {@code biomed-pooled}
 * (one job on every biomed role's examples for both its roles).
 */
class TrainingPlanTest {

    private final TeamCatalog catalog = TeamCatalog.standard();
    private final TrainingPlan plan = new TrainingPlan(catalog);

    @Test
    void anOrdinaryTeamsAgentTrainsOnItsOwnExamples() {
        Trainee solver = plan.trainee("biomed-solver");
        assertThat(solver.ownExamples()).isTrue();
        assertThat(solver.pooled()).isFalse();
        assertThat(solver.agents()).containsExactly(new Trainee.Served("biomed-solver", "biomed", "solver"));
    }

    @Test
    void aPerRoleVariantTrainsEachRoleOnTheSourcesSameRoleOfTheGivenOrigins() {
        Trainee analyst = plan.trainee("biomed-firsttry-analyst");
        assertThat(analyst.sources()).containsExactly("biomed-analyst");
        assertThat(analyst.origins()).containsExactly("generated");
        assertThat(analyst.ownExamples()).isFalse();
        assertThat(plan.of("biomed-firsttry-analyst")).isEqualTo(analyst);
    }

    @Test
    void theSharedModelPoolsEveryRoleIntoOneTraineeServingEachAgent() {
        Trainee pool = plan.trainee("biomed-pooled/all-roles");
        assertThat(pool.sources()).containsExactly("biomed-analyst", "biomed-solver");
        assertThat(pool.origins()).isEmpty();
        assertThat(pool.pooled()).isTrue();
        assertThat(pool.agents()).containsExactly(new Trainee.Served("biomed-pooled-analyst", "biomed-pooled", "analyst"),
                new Trainee.Served("biomed-pooled-solver", "biomed-pooled", "solver"));
        assertThat(plan.of("biomed-pooled-solver")).isEqualTo(pool);
        assertThat(plan.trainees()).extracting(Trainee::key).doesNotContain("biomed-pooled-analyst", "biomed-pooled-solver");
    }

    @Test
    void anExampleFeedsEveryTraineeThatDrawsOnItsAgent() {
        assertThat(plan.fedBy("biomed-analyst")).extracting(Trainee::key).containsExactlyInAnyOrder("biomed-analyst",
                "biomed-firsttry-analyst", "biomed-pooled/all-roles");
        assertThat(plan.fedBy("biomed-pooled-solver")).isEmpty();
        assertThat(plan.fedBy("retired-agent")).extracting(Trainee::key).containsExactly("retired-agent");
    }

    @Test
    void theVariantsTrainOnlyInRoundsThatNameTheirSubjects() {
        assertThat(plan.trainees()).filteredOn(Trainee::onlyWhenNamed).extracting(Trainee::key)
                .containsExactlyInAnyOrder("biomed-firsttry-analyst", "biomed-firsttry-solver", "biomed-pooled/all-roles",
                        // the standard catalogue's ablations, trained from their base team's library
                        "arithmetic-norepair-calculator", "arithmetic-norepair-reporter", "arithmetic-shared/all-roles",
                        "pubmedqa-norepair-analyst", "pubmedqa-norepair-solver", "pubmedqa-shared/all-roles");
        assertThat(plan.trainees()).filteredOn(RoundScope.ordinary()::includes).extracting(Trainee::key)
                .contains("biomed-analyst", "biomed-solver", "arithmetic-calculator")
                .doesNotContain("biomed-firsttry-analyst", "biomed-pooled/all-roles");
        assertThat(plan.trainees()).filteredOn(new RoundScope(List.of("biomed", "biomed-pooled"))::includes)
                .extracting(Trainee::key).containsExactlyInAnyOrder("biomed-analyst", "biomed-solver",
                        "biomed-pooled/all-roles");
        assertThat(RoundScope.ordinary().includes(plan.trainee("retired-agent"))).isTrue();
        assertThat(new RoundScope(List.of("biomed")).includes(plan.trainee("retired-agent"))).isFalse();
    }

    @Test
    void aBadTrainingOptionStopsThePlanWithTheReason() {
        TeamDefinition biomed = catalog.team("biomed");
        TeamDefinition bad = new TeamDefinition(null, "biomed-bad", "d", "yes-no-maybe",
                Map.of("training", Map.of("from", "biomed", "origins", List.of("rephrased"))), biomed.roles());
        TeamCatalog withBad = TeamCatalog.of(List.of(biomed, bad), catalog.prompts());
        assertThatThrownBy(() -> new TrainingPlan(withBad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("biomed-bad").hasMessageContaining("unknown origin 'rephrased'");
        assertThat(Set.copyOf(new TrainingPlan(TeamCatalog.of(List.of(biomed), catalog.prompts())).trainees()
                .stream().map(Trainee::key).toList())).isEqualTo(Set.of("biomed-analyst", "biomed-solver"));
    }
}
