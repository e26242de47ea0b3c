package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraderTest {

    private static final List<String> FOUR = List.of("w", "x", "y", "z");
    private static final List<String> YNM = List.of("yes", "no", "maybe");

    private static TaskEvent numeric(String answer) {
        return new TaskEvent("n", null, "physics", "Q?", null, null, answer, null, null);
    }

    @ParameterizedTest(name = "{0} vs \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "72        | Answer: 72                  | true",
            "72        | Answer: 72.0                | true",
            "72        | Answer: $72.00              | true",
            "72        | #### 72                     | true",
            "72        | Answer: 71                  | false",
            "72        | Answer: 72.5                | false",
            "1234      | Answer: 1,234               | true",
            "1,234     | Answer: 1234                | true",
            "-3        | Answer: -3                  | true",
            "-3        | Answer: 3                   | false",
            "1020      | Answer: 1020.0              | true",
            "1020      | Answer: 1021                | false",
            "3.5e-08   | Answer: 3.5 \\times 10^{-8} | true",
            "3.5e-08   | Answer: 3.52e-8             | true",
            "3.5e-08   | Answer: 3.6e-8              | false",
            "3.5e-08   | Answer: 3.5e-7              | false",
            "0.955     | Answer: 0.96                | true",
            "0.955     | Answer: 95.5%               | false",
            "5630.0    | Answer: 5630 N              | true",
            "5630.0    | Answer: 5600                | true",
            "463000000.0 | Answer: 4.63 \\times 10^8 | true",
            "-0.3      | Answer: -0.3                | true",
            "-0.3      | Answer: 0.3                 | false",
            "0.0       | Answer: 0                   | true",
            "0.0       | Answer: 0.001               | false",
            "0.5       | Answer: 1/2                 | true",
            "[2.0, 1.32] | Answer: [2, 1.32]          | true",
            "[2.0, 1.32] | Answer: [2.01, 1.325]      | true",
            "[2.0, 1.32] | Answer: [1.32, 2.0]        | false",
            "[2.0, 1.32] | Answer: 2.0                | false",
            "[2.0, 1.32] | Answer: [2.0, 1.32, 0.5]   | false"})
    void comparesNumbers(String expected, String reply, boolean correct) {
        Grade grade = Grader.grade(numeric(expected), reply);
        assertThat(grade.correct()).as(grade.detail()).isEqualTo(correct);
        assertThat(grade.expected()).isEqualTo(expected);
        assertThat(grade.extracted()).isNotNull();
    }

    @Test
    void explainsNumericOutcomes() {
        assertThat(Grader.grade(numeric("72"), "Answer: 71").detail()).isEqualTo("expected 72, read 71");
        assertThat(Grader.grade(numeric("72"), "Answer: 72.0").detail()).isEqualTo("exactly 72");
        assertThat(Grader.grade(numeric("3.5e-08"), "Answer: 3.51e-8").detail()).isEqualTo("within 1% of 3.5E-8");
        assertThat(Grader.grade(numeric("3.5e-08"), "Answer: 4e-8").detail())
                .isEqualTo("expected 3.5E-8, read 4E-8 (not within 1%)");
        assertThat(Grader.grade(numeric("[2.0, 1.32]"), "Answer: 2").detail())
                .isEqualTo("expected 2 value(s), read 1");
    }

    @Test
    void recordsTheNormalisedExtraction() {
        Grade grade = Grader.grade(numeric("3.5e-08"), "so $\\boxed{3.5 \\times 10^{-8}}$");
        assertThat(grade.extracted()).isEqualTo("3.5E-8");
        assertThat(grade.correct()).isTrue();
    }

    @Test
    void toleranceCanBeWidened() {
        assertThat(Grader.grade(numeric("3.5e-08"), "Answer: 3.6e-8", 0.05).correct()).isTrue();
        assertThat(Grader.grade(numeric("3.5e-08"), "Answer: 3.6e-8", 0.05).detail()).isEqualTo("within 5% of 3.5E-8");
        assertThat(Grader.grade(numeric("72"), "Answer: 73", 0.5).correct()).isFalse();
        assertThatThrownBy(() -> Grader.grade(numeric("1"), "Answer: 1", -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingAnswerGivesNoExtraction() {
        Grade grade = Grader.grade(numeric("72"), "I am not sure.");
        assertThat(grade).isEqualTo(new Grade(null, "72", false, "no answer found"));
        assertThat(Grader.grade(numeric("72"), null).detail()).isEqualTo("no answer found");
    }

    @Test
    void gradesLettersIgnoringCase() {
        TaskEvent mmlu = new TaskEvent("m", null, "physics", "Q?", FOUR, null, "B", null, null);
        assertThat(Grader.grade(mmlu, "**Answer:** b")).isEqualTo(new Grade("B", "B", true, "matches B"));
        assertThat(Grader.grade(mmlu, "The answer is (C).")).isEqualTo(new Grade("C", "B", false, "expected B, read C"));
        assertThat(Grader.grade(mmlu, "Answer: E").extracted()).isNull();
    }

    @Test
    void lettersFollowTheNumberOfChoices() {
        List<String> five = List.of("1", "2", "3", "4", "5");
        TaskEvent task = new TaskEvent("m", null, "chemistry", "Q?", five, null, "E", null, null);
        assertThat(Grader.grade(task, "Answer: E").correct()).isTrue();
    }

    @Test
    void gradesYesNoMaybe() {
        TaskEvent pubmed = new TaskEvent("p", null, "pubmedqa", "Q?", YNM, "ctx", "yes", null, null);
        assertThat(Grader.grade(pubmed, "Answer: Yes.")).isEqualTo(new Grade("yes", "yes", true, "matches yes"));
        assertThat(Grader.grade(pubmed, "Final answer: No, because ...").detail()).isEqualTo("expected yes, read no");
        assertThat(Grader.grade(pubmed, "I cannot say yes or no").extracted()).isNull();
    }

    @Test
    void taskWithoutReferenceIsNeverCorrect() {
        Grade grade = Grader.grade(numeric(null), "Answer: 3");
        assertThat(grade.correct()).isFalse();
        assertThat(grade.extracted()).isNull();
    }
}
