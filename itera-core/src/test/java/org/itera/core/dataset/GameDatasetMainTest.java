package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.task.TaskValidator;
import org.itera.core.team.TeamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GameDatasetMainTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine command = new CommandLine(new GameDatasetMain());
        PrintWriter writer = new PrintWriter(err);
        command.setErr(writer);
        int status = command.execute(args);
        writer.flush();
        return status;
    }

    @Test
    void writesSeededGameTasksThatValidate() throws IOException {
        Path out = dir.resolve("games/ultimatum-test.jsonl");

        assertThat(run(new StringWriter(), "--out", out.toString(), "--game", "ultimatum", "--split", "test",
                "--count", "3", "--first-index", "2")).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).containsExactly(
                "{\"id\":\"ultimatum/test-1000003\",\"game\":\"ultimatum\",\"seed\":1000003}",
                "{\"id\":\"ultimatum/test-1000004\",\"game\":\"ultimatum\",\"seed\":1000004}",
                "{\"id\":\"ultimatum/test-1000005\",\"game\":\"ultimatum\",\"seed\":1000005}");
        TaskValidator validator = new TaskValidator(SettingRegistry.standard(TeamCatalog.standard()));
        TaskEvent task = validator.parse(lines.get(0).replace("{", "{\"setting\":\"competitive\",\"split\":\"test\","));
        assertThat(task.subject()).isEqualTo("ultimatum");
        assertThat(task.seed()).isEqualTo(1000003L);
    }

    @Test
    void trainAndTestSeedsNeverMeet() {
        assertThat(GameTasks.of("competitive", "sell-buy", "train", 0, 1000)).extracting(TaskEvent::seed)
                .doesNotContainAnyElementsOf(GameTasks.of("competitive", "sell-buy", "test", 0, 1000).stream()
                        .map(TaskEvent::seed).toList());
    }

    @Test
    void anUnknownGameOrSplitIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--out", dir.resolve("x.jsonl").toString(), "--game", "chess")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown game 'chess' (one of [");
        assertThat(run(new StringWriter(), "--out", dir.resolve("x.jsonl").toString(), "--game", "ultimatum",
                "--split", "dev")).isEqualTo(2);
        assertThat(run(new StringWriter(), "--game", "ultimatum")).isEqualTo(2);
    }
}
