package org.itera.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTasksTest {

    @TempDir
    Path dir;

    @Test
    void cyclesTheDatasetWithIdsOfTheRun() throws Exception {
        Path file = dir.resolve("rows.jsonl");
        Files.writeString(file, """
                {"id": "pubmedqa/1", "question": "Q1?", "choices": ["yes", "no", "maybe"], "context": "C1", "answer": "yes"}

                {"id": "pubmedqa/2", "question": "Q2?", "choices": ["yes", "no", "maybe"], "context": "C2", "answer": "no"}
                """);
        List<TaskEvent> tasks = BenchTasks.make("run7", "pubmedqa", file, 5, null);
        assertThat(tasks).extracting(TaskEvent::id).containsExactly("run7-0", "run7-1", "run7-2", "run7-3", "run7-4");
        assertThat(tasks).extracting(TaskEvent::question).containsExactly("Q1?", "Q2?", "Q1?", "Q2?", "Q1?");
        assertThat(tasks).extracting(TaskEvent::answer).containsExactly("yes", "no", "yes", "no", "yes");
        assertThat(tasks.get(1).context()).isEqualTo("C2");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.subject()).isEqualTo("pubmedqa");
            assertThat(t.split()).isEqualTo("train");
        });
    }

    @Test
    void aForcedAnswerReplacesEveryExpectedOne() throws Exception {
        List<TaskEvent> tasks = BenchTasks.make("r", "arithmetic", null, 3, "no");
        assertThat(tasks).extracting(TaskEvent::answer).containsOnly("no");
        assertThat(tasks).extracting(TaskEvent::subject).containsOnly("arithmetic");
    }

    @Test
    void anEmptyDatasetIsRefused() throws Exception {
        Path file = dir.resolve("empty.jsonl");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> BenchTasks.make("r", "pubmedqa", file, 3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tasks in");
    }
}
