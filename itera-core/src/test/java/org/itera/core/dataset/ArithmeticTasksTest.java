package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.task.TaskValidator;
import org.itera.core.team.TeamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Arithmetic problems as tasks and as JSONL lines of the shared-data shape. */
class ArithmeticTasksTest {

    @TempDir
    Path dir;

    @Test
    void idsNameTheDifficultySeedAndIndexAndAreUnique() {
        List<Problem> problems = new ArrayList<>(ArithmeticProblems.problems(ArithmeticProblemsTest.D2S1, 7, 500));
        problems.addAll(ArithmeticProblems.problems(ArithmeticProblemsTest.D2S1, 8, 500));
        problems.addAll(ArithmeticProblems.problems(new Difficulty(2, 2), 7, 500));

        assertThat(problems).extracting(Problem::id).doesNotHaveDuplicates();
        assertThat(problems.get(3).id()).isEqualTo("arithmetic/d2s1/7/3");
        assertThat(ArithmeticProblems.taskId(new Difficulty(6, 4), -5, 12)).isEqualTo("arithmetic/d6s4/-5/12");
    }

    @Test
    void indexRangesOfOneSeedAreDisjoint() {
        List<TaskEvent> train = ArithmeticProblems.tasks(ArithmeticProblemsTest.D2S1, 7, 0, 100, "train");
        List<TaskEvent> test = ArithmeticProblems.tasks(ArithmeticProblemsTest.D2S1, 7, 100, 50, "test");

        assertThat(train).extracting(TaskEvent::id).doesNotContainAnyElementsOf(test.stream().map(TaskEvent::id).toList());
        assertThat(test.get(0).id()).isEqualTo("arithmetic/d2s1/7/100");
        assertThat(test).extracting(TaskEvent::split).containsOnly("test");
    }

    @Test
    void tasksAreProblemSolvingArithmeticWithoutChoicesOrContext() {
        List<Problem> problems = ArithmeticProblems.problems(new Difficulty(3, 2), 1, 40);
        List<TaskEvent> tasks = ArithmeticProblems.tasks(new Difficulty(3, 2), 1, 40, "train");

        for (int i = 0; i < tasks.size(); i++) {
            TaskEvent task = tasks.get(i);
            Problem p = problems.get(i);
            assertThat(task.id()).isEqualTo(p.id());
            assertThat(task.setting()).isEqualTo("problem-solving");
            assertThat(task.subject()).isEqualTo("arithmetic");
            assertThat(task.question()).isEqualTo(p.question());
            assertThat(task.choices()).isNull();
            assertThat(task.context()).isNull();
            assertThat(task.answer()).isEqualTo(Long.toString(p.answer()));
            assertThat(task.split()).isEqualTo("train");
            assertThat(task.round()).isNull();
        }
    }

    @Test
    void everyTaskPassesTheValidatorOfTheStandardSubjects() {
        TaskValidator validator = new TaskValidator(TeamCatalog.standard().subjects());

        for (String split : List.of("train", "test")) {
            for (TaskEvent task : ArithmeticProblems.tasks(new Difficulty(4, 4), 3, 100, split)) {
                assertThat(validator.check(task)).isEqualTo(task.withDefaults());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "TRAIN", ""})
    void anUnknownSplitIsRefused(String split) {
        assertThatThrownBy(() -> ArithmeticProblems.tasks(ArithmeticProblemsTest.D2S1, 1, 3, split))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train or test");
        assertThatThrownBy(() -> ArithmeticProblems.writeJsonl(dir.resolve("x.jsonl"), ArithmeticProblemsTest.D2S1, 1, 3, split))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void negativeCountsAndIndexesAreRefused() {
        assertThatThrownBy(() -> ArithmeticProblems.problems(ArithmeticProblemsTest.D2S1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArithmeticProblems.problems(ArithmeticProblemsTest.D2S1, 1, -1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArithmeticProblems.problem(ArithmeticProblemsTest.D2S1, 1, -2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ArithmeticProblems.problems(ArithmeticProblemsTest.D2S1, 1, 0)).isEmpty();
    }

    // ---- JSONL -------------------------------------------------------------------------------

    @Test
    void jsonlLinesHaveTheSharedDataShapeAndPassTheValidator() throws IOException {
        Path file = dir.resolve("sub/arithmetic-test.jsonl");
        ArithmeticProblems.writeJsonl(file, new Difficulty(3, 2), 17, 250, "test");
        List<Problem> problems = ArithmeticProblems.problems(new Difficulty(3, 2), 17, 250);
        TaskValidator validator = new TaskValidator(TeamCatalog.standard().subjects());

        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).endsWith("}\n").doesNotContain("\r");
        List<String> lines = content.lines().toList();
        assertThat(lines).hasSize(250);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = Json.mapper().readTree(lines.get(i));
            Problem p = problems.get(i);
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("id", "question", "choices", "context", "answer", "source", "meta");
            assertThat(row.get("choices").isNull()).isTrue();
            assertThat(row.get("context").isNull()).isTrue();
            assertThat(row.get("answer").isTextual()).isTrue();
            assertThat(row.get("answer").asText()).isEqualTo(Long.toString(p.answer()));
            assertThat(row.get("source").asText()).isEqualTo("itera/arithmetic");
            JsonNode meta = row.get("meta");
            assertThat(meta.get("digits").asInt()).isEqualTo(3);
            assertThat(meta.get("steps").asInt()).isEqualTo(2);
            assertThat(meta.get("seed").asLong()).isEqualTo(17);
            assertThat(meta.get("index").asInt()).isEqualTo(i);
            assertThat(meta.get("split").asText()).isEqualTo("test");
            assertThat(ArithmeticProblemsTest.Evaluator.evaluate(meta.get("expression").asText())).isEqualTo(p.answer());

            // What push-tasks does with a line: keep id/question/choices/context/answer, add the
            // subject and split it is given, and check the task.
            TaskEvent read = Json.mapper().readValue(lines.get(i), TaskEvent.class);
            TaskEvent task = validator.check(new TaskEvent(read.id(), TaskEvent.SETTING_PROBLEM_SOLVING,
                    "arithmetic", read.question(), read.choices(), read.context(), read.answer(), "test", null));
            assertThat(task.subject()).isEqualTo("arithmetic");
            assertThat(task.question()).isEqualTo(p.question());
            assertThat(task.answer()).isEqualTo(p.answerText());
            assertThat(task).isEqualTo(p.toTask("test").withDefaults());
            ids.add(task.id());
        }
        assertThat(ids).hasSize(250);
    }

    @Test
    void aJsonLineWithTheSubjectAddedParsesAsATask() {
        Problem p = ArithmeticProblems.problem(ArithmeticProblemsTest.D2S1, 7, 0);
        String line = ArithmeticProblems.jsonLine(p, "train");
        String withSubject = "{\"subject\":\"arithmetic\"," + line.substring(1);

        TaskEvent task = new TaskValidator(TeamCatalog.standard().subjects()).parse(withSubject);

        assertThat(task.id()).isEqualTo("arithmetic/d2s1/7/0");
        assertThat(task.answer()).isEqualTo("395");
        assertThat(task.split()).isEqualTo("train");
    }

    @Test
    void anEmptyCountWritesAnEmptyFile() throws IOException {
        Path file = dir.resolve("empty.jsonl");
        ArithmeticProblems.writeJsonl(file, ArithmeticProblemsTest.D2S1, 1, 0, "train");
        assertThat(Files.size(file)).isZero();
    }

}
