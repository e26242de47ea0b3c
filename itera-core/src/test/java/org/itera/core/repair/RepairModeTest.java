package org.itera.core.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.ScriptedCaller;
import org.itera.core.setting.problemsolving.ProblemSolvingSetting;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;

/** A team's "repair" option, and how the setting reads it: never by the subject's name. */
class RepairModeTest {

    private final ProblemSolvingSetting setting = new ProblemSolvingSetting(TeamCatalog.standard());
    private final RepairPolicy policy = new RepairPolicy(RepairPolicy.Order.NON_FINAL_IN_ORDER, 2);

    private static TeamDefinition team(Map<String, Object> options) {
        return new TeamDefinition("problem-solving", "t", "d", null, options,
                List.of(new RoleDefinition("solver", "S", "s", "u", List.of())));
    }

    private TrajectoryEvent failed(String subject) {
        TaskEvent task = new TaskEvent("a/1", "problem-solving", subject, "What is 2 + 3?", null, null, "5", "train",
                0);
        List<Turn> turns = TeamRunner.drive(setting.start(task), new ScriptedCaller("2 + 3 = 6", "Answer: 6"));
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, TrajectoryEvent.ORIGIN_GENERATED, null, null,
                0, turns, Instant.now(), Instant.now());
    }

    @Test
    void theModeIsTheOptionInAnyCaseAndCritiqueWithoutIt() {
        assertThat(RepairMode.of(team(Map.of()))).isEqualTo(RepairMode.CRITIQUE);
        assertThat(RepairMode.of(team(Map.of("repair", "Rationalize")))).isEqualTo(RepairMode.RATIONALIZE);
        assertThat(RepairMode.of(team(Map.of("repair", " none ")))).isEqualTo(RepairMode.NONE);
        assertThat(RepairMode.NONE.repairs()).isFalse();
        assertThat(RepairMode.CRITIQUE.repairs()).isTrue();
        assertThat(RepairMode.RATIONALIZE.repairs()).isTrue();
    }

    @Test
    void anUnknownModeIsATeamProblemNamingTheAcceptedValues() {
        TeamDefinition bad = team(Map.of("repair", "retry"));
        String reason = "team problem-solving/t: option repair is 'retry', not one of [critique, rationalize, none]";

        assertThat(RepairMode.problem(bad)).contains(reason);
        assertThat(setting.teamProblems(bad)).containsExactly(reason);
        assertThat(RepairMode.problem(team(Map.of("repair", false)))).get().asString().contains("is 'false'");
        assertThatThrownBy(() -> RepairMode.of(bad)).hasMessage(reason);
    }

    @Test
    void theSettingRepairsATeamUnlessItsTeamSaysNone() {
        assertThat(setting.repairs("arithmetic")).isTrue();
        assertThat(setting.repairs("arithmetic-star")).isTrue();
        assertThat(setting.repairs("arithmetic-norepair")).isFalse();
        assertThat(setting.repairs("pubmedqa-norepair")).isFalse();
        assertThat(setting.repairs()).isTrue();
    }

    @Test
    void aNoRepairTeamHasNoRepairPlanItsBaseHasOne() {
        assertThat(setting.repairPlan(failed("arithmetic-norepair"), policy, 1)).isEmpty();
        assertThat(setting.repairPlan(failed("arithmetic"), policy, 1)).get()
                .satisfies(plan -> assertThat(plan.role().name()).isEqualTo("calculator"));
    }
}
