package org.itera.core.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.itera.core.event.TaskEvent;
import org.itera.core.setting.actorcritic.ActorCriticSetting;
import org.itera.core.setting.problemsolving.ProblemSolvingSetting;
import org.itera.core.team.TeamCatalog;
import org.junit.jupiter.api.Test;

class SettingRegistryTest {

    private final SettingRegistry registry = SettingRegistry.standard(TeamCatalog.standard());

    private static TaskEvent task(String setting) {
        return new TaskEvent("t/1", setting, "arithmetic", "1 + 1?", null, null, "2", null, null);
    }

    @Test
    void findsEachStandardSettingByName() {
        assertThat(registry.names()).containsExactly("problem-solving", "actor-critic", "competitive");
        assertThat(registry.get("problem-solving")).isInstanceOf(ProblemSolvingSetting.class);
        assertThat(registry.get("actor-critic")).isInstanceOf(ActorCriticSetting.class);
        assertThat(registry.get("actor-critic").name()).isEqualTo(ActorCriticSetting.NAME);
    }

    @Test
    void aTaskWithoutASettingIsProblemSolving() {
        assertThat(registry.of(task(null)).name()).isEqualTo("problem-solving");
        assertThat(registry.of(task(" ")).name()).isEqualTo("problem-solving");
        assertThat(registry.of(task("actor-critic")).name()).isEqualTo("actor-critic");
    }

    @Test
    void anUnknownSettingFailsNamingTheKnownOnes() {
        assertThatThrownBy(() -> registry.of(task("debate")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported setting 'debate' (one of [problem-solving, actor-critic, competitive])");
        assertThat(registry.find("debate")).isEmpty();
    }

    @Test
    void twoSettingsMayNotShareAName() {
        TeamCatalog catalog = TeamCatalog.standard();
        assertThatThrownBy(() -> new SettingRegistry(catalog, java.util.List.of(new ProblemSolvingSetting(catalog),
                new ProblemSolvingSetting(catalog))))
                .hasMessageContaining("two settings are named problem-solving");
    }

    @Test
    void everyStandardTeamCanRunInItsSetting() {
        assertThat(registry.teamProblems()).isEmpty();
        assertThat(registry.catalog().subjectsOf("actor-critic")).containsExactly("pubmedqa", "arithmetic");
    }
}
