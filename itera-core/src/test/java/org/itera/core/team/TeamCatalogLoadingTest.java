package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.task.TaskValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads catalogues from a class loader that sees only a temporary directory (no parent), so the
 * test catalogues never shadow the real {@code teams/index.txt} on the test class path.
 */
class TeamCatalogLoadingTest {

    /** The haiku team kept under src/test/resources/testteams/haiku/, relative to that folder. */
    private static final List<String> HAIKU_FILES = List.of(
            "teams/index.txt", "teams/haiku.json",
            "prompts/haiku/poet.system.txt", "prompts/haiku/poet.user.txt",
            "prompts/haiku/editor.system.txt", "prompts/haiku/editor.user.txt");

    private static final String ROLE_JSON = "{\"name\": \"%s\", \"title\": \"%s\", \"systemPrompt\": \"%s\","
            + " \"userPrompt\": \"%s\", \"sees\": []}";

    @TempDir
    Path dir;

    private final List<URLClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void closeLoaders() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    private ClassLoader isolatedLoader() throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        loaders.add(loader);
        return loader;
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void copyHaikuTeam() throws IOException {
        for (String path : HAIKU_FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("testteams/haiku/" + path)) {
                assertThat(in).as("test resource testteams/haiku/%s", path).isNotNull();
                write(path, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aNewTeamIsJustADefinition() throws IOException {
        copyHaikuTeam();

        TeamCatalog catalog = TeamCatalog.load(isolatedLoader());

        assertThat(catalog.subjects()).containsExactly("haiku");
        TeamDefinition team = catalog.team("haiku");
        assertThat(team.roleNames()).containsExactly("poet", "editor");
        assertThat(team.role("editor").orElseThrow().sees()).containsExactly("poet");
        assertThat(team.agentId("poet")).isEqualTo("haiku-poet");
        assertThat(catalog.prompts().text("prompts/haiku/poet.system.txt")).contains("haiku of three lines");
    }

    @Test
    void theTestCatalogueDoesNotShadowTheStandardOne() throws IOException {
        copyHaikuTeam();

        TeamCatalog.load(isolatedLoader());

        assertThat(TeamCatalog.standard().subjects()).doesNotContain("haiku").contains("physics");
        assertThat(TeamCatalog.load(getClass().getClassLoader()).subjects())
                .containsExactlyInAnyOrder("physics", "chemistry", "pubmedqa", "gsm8k", "arithmetic",
                        "arithmetic-single", "arithmetic-star", "arithmetic-norepair", "arithmetic-shared",
                        "arithmetic-shots", "pubmedqa-single", "pubmedqa-star", "pubmedqa-norepair", "pubmedqa-shared",
                        "pubmedqa-shots", "resource-exchange", "ultimatum", "sell-buy");
    }

    @Test
    void theNewTeamRunsAndIsAcceptedWithoutNewCode() throws IOException {
        copyHaikuTeam();
        TeamCatalog catalog = TeamCatalog.load(isolatedLoader());
        TaskEvent task = new TaskEvent("haiku/1", null, "haiku", "Autumn moon over the bay", null, null,
                "unused", null, null);
        List<String> agents = new ArrayList<>();
        List<List<ChatMessage>> chats = new ArrayList<>();

        List<Turn> turns = new TeamRunner(catalog).run(task, (agent, role, messages) -> {
            agents.add(agent);
            chats.add(messages);
            return new Turn(role, "test-model", messages, "draft by " + role, TokenUsage.NONE, 1);
        });

        assertThat(agents).containsExactly("haiku-poet", "haiku-editor");
        assertThat(turns).extracting(Turn::role).containsExactly("poet", "editor");
        assertThat(chats.get(0).get(0).content()).contains("haiku of three lines");
        assertThat(chats.get(0).get(1).content()).contains("Autumn moon over the bay").doesNotContain("###");
        assertThat(chats.get(1).get(1).content())
                .contains("### Poem draft\ndraft by poet")
                .contains("Answer: <number>")
                .doesNotContain("{{");
        assertThat(new TaskValidator(catalog.subjects()).check(task).subject()).isEqualTo("haiku");
    }

    @Test
    void commentsAndBlankLinesInTheIndexAreSkipped() throws IOException {
        write("teams/index.txt", "# teams\n\n   solo   \n# the end\n");
        writeSoloTeam("solo", "prompts/solo/s.txt", "prompts/solo/u.txt");
        write("prompts/solo/s.txt", "system");
        write("prompts/solo/u.txt", "{{question}}");

        assertThat(TeamCatalog.load(isolatedLoader()).subjects()).containsExactly("solo");
    }

    @Test
    void aTeamFileDeclaringAnotherSubjectFailsNamingTheFile() throws IOException {
        write("teams/index.txt", "haiku\n");
        writeSoloTeam("limerick", "prompts/solo/s.txt", "prompts/solo/u.txt");
        Files.move(dir.resolve("teams/limerick.json"), dir.resolve("teams/haiku.json"));
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("teams/haiku.json")
                .hasMessageContaining("limerick");
    }

    @Test
    void aMissingPromptFileFailsNamingTheFile() throws IOException {
        write("teams/index.txt", "solo\n");
        writeSoloTeam("solo", "prompts/solo/s.txt", "prompts/solo/forgotten.user.txt");
        write("prompts/solo/s.txt", "system");
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prompts/solo/forgotten.user.txt");
    }

    @Test
    void aMissingSystemPromptFailsNamingTheFile() throws IOException {
        write("teams/index.txt", "solo\n");
        writeSoloTeam("solo", "prompts/solo/absent.system.txt", "prompts/solo/u.txt");
        write("prompts/solo/u.txt", "{{question}}");
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader))
                .hasMessageContaining("prompts/solo/absent.system.txt");
    }

    @Test
    void aMissingTeamFileFailsNamingTheFile() throws IOException {
        write("teams/index.txt", "sonnet\n");
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("teams/sonnet.json");
    }

    @Test
    void aMissingIndexFailsNamingIt() throws IOException {
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader)).hasMessageContaining("teams/index.txt");
    }

    @Test
    void aMalformedTeamFileFailsNamingTheFile() throws IOException {
        write("teams/index.txt", "broken\n");
        write("teams/broken.json", "{\"subject\": \"broken\", \"roles\": [");
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("teams/broken.json");
    }

    @Test
    void aTeamFileWithoutRolesFails() throws IOException {
        write("teams/index.txt", "hollow\n");
        write("teams/hollow.json", "{\"subject\": \"hollow\", \"description\": \"d\", \"roles\": []}");
        ClassLoader loader = isolatedLoader();

        assertThatThrownBy(() -> TeamCatalog.load(loader)).hasStackTraceContaining("team 'hollow' has no roles");
    }

    private void writeSoloTeam(String subject, String systemPrompt, String userPrompt) throws IOException {
        write("teams/" + subject + ".json", "{\"subject\": \"" + subject + "\", \"description\": \"one role\","
                + " \"roles\": [" + String.format(ROLE_JSON, "soloist", "Solo", systemPrompt, userPrompt) + "]}");
    }
}
