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
 * path: {@code pubmedqa-firsttry} (per role, pubmedqa's first attempts) and {@code pubmedqa-pooled}
 * (one job on every pubmedqa role's examples for both its roles).
 */
class TrainingPlanTest {

    private final TeamCatalog catalog = TeamCatalog.standard();
    private final TrainingPlan plan = new TrainingPlan(catalog);

    @Test
    void anOrdinaryTeamsAgentTrainsOnItsOwnExamples() {
        Trainee solver = plan.trainee("pubmedqa-solver");
        assertThat(solver.ownExamples()).isTrue();
        assertThat(solver.pooled()).isFalse();
        assertThat(solver.agents()).containsExactly(new Trainee.Served("pubmedqa-solver", "pubmedqa", "solver"));
    }

    @Test
    void aPerRoleVariantTrainsEachRoleOnTheSourcesSameRoleOfTheGivenOrigins() {
        Trainee analyst = plan.trainee("pubmedqa-firsttry-analyst");
        assertThat(analyst.sources()).containsExactly("pubmedqa-analyst");
        assertThat(analyst.origins()).containsExactly("generated");
        assertThat(analyst.ownExamples()).isFalse();
        assertThat(plan.of("pubmedqa-firsttry-analyst")).isEqualTo(analyst);
    }

    @Test
    void theSharedModelPoolsEveryRoleIntoOneTraineeServingEachAgent() {
        Trainee pool = plan.trainee("pubmedqa-pooled/all-roles");
        assertThat(pool.sources()).containsExactly("pubmedqa-analyst", "pubmedqa-solver");
        assertThat(pool.origins()).isEmpty();
        assertThat(pool.pooled()).isTrue();
        assertThat(pool.agents()).containsExactly(new Trainee.Served("pubmedqa-pooled-analyst", "pubmedqa-pooled", "analyst"),
                new Trainee.Served("pubmedqa-pooled-solver", "pubmedqa-pooled", "solver"));
        assertThat(plan.of("pubmedqa-pooled-solver")).isEqualTo(pool);
        assertThat(plan.trainees()).extracting(Trainee::key).doesNotContain("pubmedqa-pooled-analyst", "pubmedqa-pooled-solver");
    }

    @Test
    void anExampleFeedsEveryTraineeThatDrawsOnItsAgent() {
        assertThat(plan.fedBy("pubmedqa-analyst")).extracting(Trainee::key).containsExactlyInAnyOrder("pubmedqa-analyst",
                "pubmedqa-firsttry-analyst", "pubmedqa-pooled/all-roles");
        assertThat(plan.fedBy("pubmedqa-pooled-solver")).isEmpty();
        assertThat(plan.fedBy("retired-agent")).extracting(Trainee::key).containsExactly("retired-agent");
    }

    @Test
    void aBadTrainingOptionStopsThePlanWithTheReason() {
        TeamDefinition pubmedqa = catalog.team("pubmedqa");
        TeamDefinition bad = new TeamDefinition(null, "pubmedqa-bad", "d", "yes-no-maybe",
                Map.of("training", Map.of("from", "pubmedqa", "origins", List.of("rephrased"))), pubmedqa.roles());
        TeamCatalog withBad = TeamCatalog.of(List.of(pubmedqa, bad), catalog.prompts());
        assertThatThrownBy(() -> new TrainingPlan(withBad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pubmedqa-bad").hasMessageContaining("unknown origin 'rephrased'");
        assertThat(Set.copyOf(new TrainingPlan(TeamCatalog.of(List.of(pubmedqa), catalog.prompts())).trainees()
                .stream().map(Trainee::key).toList())).isEqualTo(Set.of("pubmedqa-analyst", "pubmedqa-solver"));
    }
}
