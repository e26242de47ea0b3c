package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades replies built from data set rows against their own reference answers: the fixture rows,
 * and the shared data set's when present ({@link GradingData}).
 */
class GraderDatasetTest {

    private static final int GSM8K_ROWS = 50;
    private static final List<String> YNM = List.of("yes", "no", "maybe");

    static Stream<TaskEvent> theoremqa() {
        return GradingData.rows("theoremqa/physics_train.jsonl", "physics", Integer.MAX_VALUE)
                .map(GradingData.Row::task);
    }

    static Stream<GradingData.Row> gsm8k() {
        return GradingData.rows("gsm8k/train.jsonl", "gsm8k", GSM8K_ROWS);
    }

    static Stream<TaskEvent> pubmedqa() {
        return GradingData.rows("pubmedqa/train.jsonl", "pubmedqa", Integer.MAX_VALUE).map(GradingData.Row::task);
    }

    static Stream<TaskEvent> mmlu() {
        return Stream.of("college_physics", "high_school_physics", "college_chemistry", "high_school_chemistry")
                .flatMap(name -> GradingData.rows("mmlu/" + name + "/val.jsonl",
                        name.endsWith("physics") ? "physics" : "chemistry", Integer.MAX_VALUE))
                .map(GradingData.Row::task);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("theoremqa")
    void theoremqaReferenceIsCorrectAndTenPercentOffIsNot(TaskEvent task) {
        assertThat(AnswerFormat.forTask(task)).isEqualTo(AnswerFormat.NUMBER);
        assertCorrect(task, "Answer: " + task.answer());
        assertCorrect(task, "Let me work through the physics step by step.\nThe result follows.\n"
                + "$\\boxed{" + task.answer() + "}$");
        assertIncorrect(task, "Answer: " + scaled(task.answer(), "1.1"));
        assertIncorrect(task, "Answer: " + scaled(task.answer(), "0.9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gsm8k")
    void gsm8kSolutionsGradeCorrectAndOffByOneDoesNot(GradingData.Row row) {
        TaskEvent task = row.task();
        assertCorrect(task, row.json().path("meta").path("solution").asText());
        assertCorrect(task, "Answer: " + task.answer());
        assertCorrect(task, "Answer: $" + String.format(Locale.ROOT, "%,d", Long.parseLong(task.answer())) + ".00");
        assertIncorrect(task, "Answer: " + (Long.parseLong(task.answer()) + 1));
        assertIncorrect(task, "Answer: " + scaled(task.answer(), "1.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pubmedqa")
    void pubmedqaVerdictsGradeByLabel(TaskEvent task) {
        assertThat(AnswerFormat.forTask(task)).isEqualTo(AnswerFormat.YES_NO_MAYBE);
        String label = task.answer();
        assertCorrect(task, "Answer: " + label);
        assertCorrect(task, "Having weighed the results, **Final Answer**: "
                + label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + ".");
        for (String other : YNM) {
            if (!other.equals(label)) {
                assertIncorrect(task, "Answer: " + other);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mmlu")
    void mmluLettersGradeByLetter(TaskEvent task) {
        assertThat(AnswerFormat.forTask(task)).isEqualTo(AnswerFormat.LETTER);
        String letter = task.answer();
        assertCorrect(task, "Answer: " + letter);
        assertCorrect(task, "Comparing the options, the correct answer is (" + letter.toLowerCase(Locale.ROOT) + ").");
        String other = String.valueOf((char) ('A' + (letter.charAt(0) - 'A' + 1) % 4));
        assertIncorrect(task, "Answer: " + other);
        assertThat(Grader.grade(task, "Answer: E").extracted()).isNull();
    }

    private static void assertCorrect(TaskEvent task, String reply) {
        Grade grade = Grader.grade(task, reply);
        assertThat(grade.correct()).as("%s: %s -> %s", task.id(), reply, grade.detail()).isTrue();
    }

    private static void assertIncorrect(TaskEvent task, String reply) {
        Grade grade = Grader.grade(task, reply);
        assertThat(grade.correct()).as("%s: %s -> %s", task.id(), reply, grade.detail()).isFalse();
        assertThat(grade.extracted()).as("%s: %s was read", task.id(), reply).isNotNull();
    }

    /** The reference answer (a number or a list) with every value multiplied by {@code factor}. */
    private static String scaled(String answer, String factor) {
        NumericAnswer parsed = NumberParser.parse(answer).orElseThrow();
        List<String> values = parsed.values().stream()
                .map(v -> v.multiply(new BigDecimal(factor)).toPlainString())
                .collect(Collectors.toList());
        return parsed.list() ? values.toString() : values.get(0);
    }
}
