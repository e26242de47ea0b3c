package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itera.core.event.TaskEvent;
import org.itera.core.grading.AnswerFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teams of other settings than problem solving: {@code teams/settings.txt} and their files. */
class TeamSettingsLoadingTest {

    @TempDir
    Path dir;

    private URLClassLoader loader;

    @AfterEach
    void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    private ClassLoader isolatedLoader() throws IOException {
        loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        return loader;
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void team(String path, String setting, String subject, String role) throws IOException {
        write(path, "{\"setting\": \"" + setting + "\", \"subject\": \"" + subject + "\", \"answerFormat\": \"number\","
                + " \"roles\": [{\"name\": \"" + role + "\", \"title\": \"T\", \"systemPrompt\": \"p/s.txt\","
                + " \"userPrompt\": \"p/u.txt\"}]}");
        write("p/s.txt", "system");
        write("p/u.txt", "{{question}}");
    }

    @Test
    void theStandardCatalogueHasActorCriticTeamsBesideTheProblemSolvingOnes() {
        TeamCatalog catalog = TeamCatalog.standard();

        TeamDefinition pubmedqa = catalog.team("actor-critic", "pubmedqa");
        assertThat(pubmedqa.roleNames()).containsExactly("actor", "judge", "critic");
        assertThat(pubmedqa.agentIds()).containsExactly("pubmedqa-actor", "pubmedqa-judge", "pubmedqa-critic");
        assertThat(catalog.team("pubmedqa").setting()).isEqualTo(TaskEvent.SETTING_PROBLEM_SOLVING);
        assertThat(catalog.allTeams()).hasSize(20);
        assertThat(catalog.teams("actor-critic")).extracting(TeamDefinition::subject)
                .containsExactly("pubmedqa", "arithmetic");
    }

    @Test
    void theAnswerFormatIsTheTeamsData() {
        TaskEvent pubmedqa = new TaskEvent("p/1", "actor-critic", "pubmedqa", "q", null, null, "yes", null, null);
        TaskEvent arithmetic = new TaskEvent("a/1", "actor-critic", "arithmetic", "q", null, null, "7", null, null);

        assertThat(TeamCatalog.standard().team("actor-critic", "pubmedqa").answerFormatFor(pubmedqa))
                .isEqualTo(AnswerFormat.YES_NO_MAYBE);
        assertThat(TeamCatalog.standard().answerFormatFor(arithmetic)).isEqualTo(AnswerFormat.NUMBER);
        assertThatThrownBy(() -> AnswerFormat.parse("roman")).hasMessageContaining("unknown answer format 'roman'");
    }

    @Test
    void aSettingsIndexAddsTeamsInTheirOwnFolder() throws IOException {
        write("teams/index.txt", "solo\n");
        team("teams/solo.json", "problem-solving", "solo", "writer");
        write("teams/settings.txt", "# other settings\nactor-critic/solo\n");
        team("teams/actor-critic/solo.json", "actor-critic", "solo", "actor");

        TeamCatalog catalog = TeamCatalog.load(isolatedLoader());

        assertThat(catalog.subjects()).containsExactly("solo");
        assertThat(catalog.team("actor-critic", "solo").roleNames()).containsExactly("actor");
        assertThat(catalog.team("solo").roleNames()).containsExactly("writer");
        assertThatThrownBy(() -> catalog.team("debate", "solo"))
                .hasMessage("no debate team for subject 'solo'");
    }

    @Test
    void aTeamFileWhoseSettingIsNotItsFoldersFailsNamingTheFile() throws IOException {
        write("teams/index.txt", "");
        write("teams/settings.txt", "actor-critic/solo\n");
        team("teams/actor-critic/solo.json", "problem-solving", "solo", "actor");
        ClassLoader isolated = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(isolated))
                .hasMessageContaining("teams/actor-critic/solo.json declares setting problem-solving");
    }

    @Test
    void twoTeamsMayNotShareAnAgentId() throws IOException {
        write("teams/index.txt", "solo\n");
        team("teams/solo.json", "problem-solving", "solo", "writer");
        write("teams/settings.txt", "actor-critic/solo\n");
        team("teams/actor-critic/solo.json", "actor-critic", "solo", "writer");
        ClassLoader isolated = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(isolated))
                .hasMessageContaining("agent id solo-writer is used by team problem-solving/solo and by team actor-critic/solo");
    }

    @Test
    void aSettingsIndexLineMustNameASetting() throws IOException {
        write("teams/index.txt", "");
        write("teams/settings.txt", "solo\n");
        ClassLoader isolated = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(isolated)).hasMessageContaining("'solo' is not <setting>/<subject>");
    }
}
