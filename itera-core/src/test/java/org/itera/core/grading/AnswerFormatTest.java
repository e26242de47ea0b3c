package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.itera.core.event.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerFormatTest {

    private static TaskEvent task(String subject, List<String> choices) {
        return new TaskEvent("t1", null, subject, "Q?", choices, null, "x", null, null);
    }

    @Test
    void pubmedqaReadsYesNoMaybeEvenThoughItListsChoices() {
        assertThat(AnswerFormat.forTask(task("pubmedqa", List.of("yes", "no", "maybe"))))
                .isEqualTo(AnswerFormat.YES_NO_MAYBE);
        assertThat(AnswerFormat.forTask(task("PubMedQA", null))).isEqualTo(AnswerFormat.YES_NO_MAYBE);
    }

    @Test
    void tasksWithChoicesReadALetter() {
        assertThat(AnswerFormat.forTask(task("physics", List.of("a", "b", "c", "d"))))
                .isEqualTo(AnswerFormat.LETTER);
        assertThat(AnswerFormat.forTask(task("chemistry", List.of("a", "b")))).isEqualTo(AnswerFormat.LETTER);
    }

    @ParameterizedTest
    @CsvSource(value = {"physics", "gsm8k", "arithmetic", "NULL"}, nullValues = "NULL")
    void tasksWithoutChoicesReadANumber(String subject) {
        assertThat(AnswerFormat.forTask(task(subject, null))).isEqualTo(AnswerFormat.NUMBER);
        assertThat(AnswerFormat.forTask(task(subject, List.of()))).isEqualTo(AnswerFormat.NUMBER);
    }

    @Test
    void letterInstructionNamesTheAvailableLetters() {
        String four = AnswerFormat.LETTER.instruction(task("physics", List.of("1", "2", "3", "4")));
        assertThat(four).contains("Answer: X").contains("A, B, C or D");
        String two = AnswerFormat.LETTER.instruction(task("physics", List.of("1", "2")));
        assertThat(two).contains("(A or B)");
    }

    @Test
    void otherInstructionsShowTheExpectedLastLine() {
        assertThat(AnswerFormat.YES_NO_MAYBE.instruction(task("pubmedqa", null)))
                .contains("Answer: yes").contains("Answer: no").contains("Answer: maybe");
        assertThat(AnswerFormat.NUMBER.instruction(task("gsm8k", null)))
                .contains("Answer: <number>").contains("no units").contains("[x, y]");
    }

    @Test
    void shortInstructionsAreOneLineAndShowTheExpectedLastLine() {
        assertThat(AnswerFormat.NUMBER.shortInstruction(task("arithmetic", null)))
                .isEqualTo("End with: Answer: <number>");
        assertThat(AnswerFormat.LETTER.shortInstruction(task("physics", List.of("1", "2", "3"))))
                .isEqualTo("End with: Answer: <letter> (A, B or C)");
        assertThat(AnswerFormat.YES_NO_MAYBE.shortInstruction(task("pubmedqa", null)))
                .isEqualTo("End with: Answer: yes, no or maybe");
        for (AnswerFormat format : AnswerFormat.values()) {
            String text = format.shortInstruction(task("physics", List.of("1", "2", "3", "4")));
            assertThat(text).doesNotContain("\n").hasSizeLessThan(format.instruction(task("x", null)).length());
        }
    }

    @Test
    void instructedRepliesAreReadBack() {
        TaskEvent mmlu = task("physics", List.of("1", "2", "3", "4"));
        assertThat(Grader.grade(new TaskEvent("t", null, "physics", "Q?", mmlu.choices(), null, "C", null, null),
                "Reasoning ...\nAnswer: C").correct()).isTrue();
    }
}
