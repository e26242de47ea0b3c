package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code itera compare}'s options: defaults, the method list, and what each method needs run. */
class CompareCommandTest {

    @Test
    void offlineItComparesEveryMethodOnArithmetic() {
        ComparePlan plan = CompareCommand.parse(true);

        assertThat(plan.subject()).isEqualTo("arithmetic");
        assertThat(plan.methods()).containsExactly(Method.values());
        assertThat(plan.methods().stream().map(Method::id).toList()).isEqualTo(Comparison.METHODS);
        assertThat(plan.limit()).isEqualTo(40);
        assertThat(plan.testLimit()).isEqualTo(30);
        assertThat(plan.difficulty()).isEqualTo("d1s1-add");
        assertThat(CompareCommand.parse(false).subject()).isEqualTo("pubmedqa");
    }

    @Test
    void theBaseTeamsTrainTasksServeSiriusItsAblationsAndShotsWhileStarRunsItsOwn() {
        ComparePlan plan = CompareCommand.parse(true);

        assertThat(plan.trainTeams()).containsExactly("arithmetic-star", "arithmetic");
        assertThat(plan.trainedTeams()).containsExactly("arithmetic-star", "arithmetic", "arithmetic-norepair",
                "arithmetic-shared");
        assertThat(plan.teams()).containsExactlyInAnyOrder("arithmetic-single", "arithmetic", "arithmetic-star",
                "arithmetic-norepair", "arithmetic-shared", "arithmetic-shots");
    }

    @Test
    void thePromptedBaselinesAloneNeedNoTrainTasksAndNoRound() {
        ComparePlan plan = CompareCommand.parse(true, "--methods", "team, single");

        assertThat(plan.methods()).containsExactly(Method.SINGLE, Method.TEAM);
        assertThat(plan.trainTeams()).isEmpty();
        assertThat(plan.trainedTeams()).isEmpty();
    }

    @Test
    void anAblationAloneStillPushesTheBaseTeamsTrainTasks() {
        ComparePlan plan = CompareCommand.parse(true, "--methods", "sirius-no-repair", "--subject", "pubmedqa");

        assertThat(plan.trainTeams()).containsExactly("pubmedqa");
        assertThat(plan.trainedTeams()).containsExactly("pubmedqa-norepair");
    }

    @Test
    void anUnknownMethodOrBadSizeIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> CompareCommand.parse(true, "--methods", "sirius,dpo"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("unknown method 'dpo'")
                .hasMessageContaining("library-shots");
        assertThatThrownBy(() -> CompareCommand.parse(true, "--test-limit", "0"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--test-limit");
        assertThatThrownBy(() -> CompareCommand.parse(true, "--difficulty", "hard"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--difficulty");
    }

    @Test
    void everyMethodsTeamIsInTheCatalogueForArithmeticAndPubmedqa() throws Exception {
        CompareTeams.check(CompareCommand.parse(true));
        CompareTeams.check(CompareCommand.parse(false));
        assertThatThrownBy(() -> CompareTeams.check(CompareCommand.parse(true, "--subject", "physics")))
                .hasMessageContaining("no team physics-star, physics-single,").hasMessageContaining("--methods");
        CompareTeams.check(CompareCommand.parse(true, "--subject", "physics", "--methods", "team"));
    }

    @Test
    void aTeamsTraineesAreItsAgentsAndItsPooledJob() {
        assertThat(CompareTeams.trainees("arithmetic-shared")).containsExactly("arithmetic-shared-calculator",
                "arithmetic-shared-reporter", "arithmetic-shared/all-roles");
        assertThat(CompareTeams.agents("arithmetic-star")).isEqualTo(List.of("arithmetic-star-solver"));
    }
}
