package org.itera.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.junit.jupiter.api.Test;

/** Tasks of each setting, checked by a validator over the settings registry. */
class TaskSettingsTest {

    private final TaskValidator validator = new TaskValidator(SettingRegistry.standard(TeamCatalog.standard()));

    private static String task(String setting, String subject, String extra) {
        return "{\"id\": \"t/1\", \"setting\": \"" + setting + "\", \"subject\": \"" + subject + "\","
                + " \"question\": \"Does it help?\", \"answer\": \"yes\"" + extra + "}";
    }

    private static List<String> refusal(TaskValidator validator, String json) {
        InvalidTaskException e = catchThrowableOfType(InvalidTaskException.class, () -> validator.parse(json));
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e.reasons();
    }

    @Test
    void anActorCriticTaskOfASubjectWithSuchATeamIsAccepted() {
        assertThat(validator.parse(task("actor-critic", "pubmedqa", "")).setting()).isEqualTo("actor-critic");
        assertThat(validator.parse(task("actor-critic", "arithmetic", "")).subject()).isEqualTo("arithmetic");
        assertThat(validator.parse(task("problem-solving", "physics", "")).setting()).isEqualTo("problem-solving");
    }

    @Test
    void aSubjectWithoutATeamOfTheSettingIsRefusedNamingTheTeamsThereAre() {
        assertThat(refusal(validator, task("actor-critic", "physics", ""))).containsExactly(
                "subject 'physics' has no actor-critic team (actor-critic teams: [pubmedqa, arithmetic])");
    }

    @Test
    void anActorCriticTaskNeedsAnAnswerLikeAnyOther() {
        String json = "{\"id\": \"t/1\", \"setting\": \"actor-critic\", \"subject\": \"pubmedqa\", \"question\": \"q\"}";

        assertThat(refusal(validator, json)).containsExactly("missing answer");
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheKnownOnes() {
        assertThat(refusal(validator, task("debate", "pubmedqa", ""))).containsExactly(
                "unsupported setting 'debate' (one of [actor-critic, competitive, problem-solving])");
    }

    @Test
    void aTeamLackingARoleItsSettingNeedsIsRefusedWithTheReason() {
        TeamCatalog standard = TeamCatalog.standard();
        TeamDefinition full = standard.team("actor-critic", "arithmetic");
        List<RoleDefinition> noCritic = full.roles().stream().filter(r -> !r.name().equals("critic")).toList();
        TeamDefinition lacking = new TeamDefinition("actor-critic", "arithmetic", "no critic", null, null, noCritic);
        TeamCatalog catalog = TeamCatalog.of(List.of(lacking), standard.prompts());
        TaskValidator broken = new TaskValidator(SettingRegistry.standard(catalog));

        assertThat(refusal(broken, task("actor-critic", "arithmetic", ""))).containsExactly(
                "team actor-critic/arithmetic lacks the role 'critic', which the actor-critic setting needs"
                        + " (it has [actor, judge])");
        assertThat(SettingRegistry.standard(catalog).teamProblems()).hasSize(1);
    }

    @Test
    void theModelsOfATaskNameItsSubjectsAgents() {
        TaskEvent task = validator.parse(task("actor-critic", "pubmedqa",
                ", \"models\": {\"pubmedqa-judge\": \"ft:judge\"}"));

        assertThat(task.models()).containsEntry("pubmedqa-judge", "ft:judge");
    }
}
