package org.itera.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.TeamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskValidatorTest {

    private final TaskValidator validator = new TaskValidator(TeamCatalog.standard().subjects());

    /** A valid task in JSON, with {@code extra} spliced in as further fields (may be empty). */
    private static String task(String extra) {
        return "{\"id\": \"pubmedqa/21645374\", \"subject\": \"pubmedqa\", \"question\": \"Does it help?\","
                + " \"choices\": [\"yes\", \"no\", \"maybe\"], \"answer\": \"yes\""
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** Parses {@code json} expecting a refusal and returns its reasons. */
    private List<String> refusal(String json) {
        InvalidTaskException e = catchThrowableOfType(InvalidTaskException.class, () -> validator.parse(json));
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e.reasons();
    }

    @Test
    void parsesAValidTaskAndAppliesTheDefaults() {
        TaskEvent task = validator.parse(task("\"context\": \"A small trial.\""));

        assertThat(task.id()).isEqualTo("pubmedqa/21645374");
        assertThat(task.subject()).isEqualTo("pubmedqa");
        assertThat(task.question()).isEqualTo("Does it help?");
        assertThat(task.choices()).containsExactly("yes", "no", "maybe");
        assertThat(task.context()).isEqualTo("A small trial.");
        assertThat(task.answer()).isEqualTo("yes");
        assertThat(task.setting()).isEqualTo(TaskEvent.SETTING_PROBLEM_SOLVING).isEqualTo("problem-solving");
        assertThat(task.split()).isEqualTo("train");
        assertThat(task.round()).isZero();
    }

    @Test
    void keepsExplicitSettingSplitAndRound() {
        TaskEvent task = validator.parse(task("\"setting\": \"problem-solving\", \"split\": \"test\", \"round\": 3"));

        assertThat(task.setting()).isEqualTo("problem-solving");
        assertThat(task.split()).isEqualTo("test");
        assertThat(task.round()).isEqualTo(3);
    }

    @Test
    void keepsTheRunAndRefusesARunIdThatIsNotSafeInAPath() {
        assertThat(validator.parse(task("\"run\": \"run-20261206-121500-3fa9\"")).run())
                .isEqualTo("run-20261206-121500-3fa9");
        assertThat(validator.parse(task("")).run()).isNull();

        assertThat(refusal(task("\"run\": \"../etc\""))).singleElement()
                .satisfies(reason -> assertThat(reason).startsWith("run id '../etc' is not"));
    }

    @Test
    void ignoresUnknownFields() {
        TaskEvent task = validator.parse(task(
                "\"meta\": {\"dataset\": \"pqa_labeled\", \"tags\": [1, 2]}, \"source\": \"https://example.org\""));

        assertThat(task.id()).isEqualTo("pubmedqa/21645374");
        assertThat(task.answer()).isEqualTo("yes");
    }

    @Test
    void acceptsATaskWithoutChoicesOrContext() {
        TaskEvent task = validator.parse(
                "{\"id\": \"gsm8k/7\", \"subject\": \"gsm8k\", \"question\": \"2+2?\", \"answer\": \"4\"}");

        assertThat(task.choices()).isNull();
        assertThat(task.context()).isNull();
        assertThat(task.split()).isEqualTo("train");
    }

    @Test
    void acceptsEverySubjectOfTheStandardCatalogue() {
        for (String subject : List.of("physics", "chemistry", "pubmedqa", "gsm8k")) {
            String json = "{\"id\": \"t\", \"subject\": \"" + subject + "\", \"question\": \"q\", \"answer\": \"1\"}";
            assertThat(validator.parse(json).subject()).isEqualTo(subject);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void refusesAnEmptyMessage(String json) {
        assertThat(refusal(json)).containsExactly("empty task message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "{\"id\": \"x\", ", "42", "\"a string\"", "{'id': 'x'}"})
    void refusesTextThatIsNotAJsonTaskObject(String json) {
        assertThat(refusal(json)).singleElement().asString().startsWith("not a JSON task object");
    }

    @Test
    void refusesAJsonArrayInsteadOfAnObject() {
        assertThat(refusal("[" + task("") + "]")).singleElement().asString().startsWith("not a JSON task object");
    }

    @Test
    void refusesTheJsonNullLiteral() {
        assertThat(refusal("null")).containsExactly("not a JSON task object: null");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"id", "question", "answer"})
    void refusesAMissingRequiredField(String field) {
        String json = "{" + withoutField(field) + "}";

        assertThat(refusal(json)).containsExactly("missing " + field);
    }

    @ParameterizedTest(name = "blank {0}")
    @ValueSource(strings = {"id", "question", "answer"})
    void refusesABlankRequiredField(String field) {
        String json = "{" + withoutField(field) + ", \"" + field + "\": \"  \\t \"}";

        assertThat(refusal(json)).containsExactly("missing " + field);
    }

    private static String withoutField(String field) {
        StringBuilder out = new StringBuilder("\"subject\": \"gsm8k\"");
        for (String f : List.of("id", "question", "answer")) {
            if (!f.equals(field)) {
                out.append(", \"").append(f).append("\": \"v-").append(f).append('"');
            }
        }
        return out.toString();
    }

    @Test
    void refusesAnUnknownSubjectNamingTheKnownOnes() {
        List<String> reasons = refusal(task("").replace("\"subject\": \"pubmedqa\"", "\"subject\": \"astrology\""));

        assertThat(reasons).singleElement().asString()
                .contains("unknown subject 'astrology'")
                .contains("physics", "chemistry", "pubmedqa", "gsm8k");
    }

    @Test
    void refusesAMissingSubjectNamingTheKnownOnes() {
        List<String> reasons = refusal("{\"id\": \"x\", \"question\": \"q\", \"answer\": \"a\"}");

        assertThat(reasons).singleElement().asString()
                .startsWith("missing subject")
                .contains("physics", "chemistry", "pubmedqa", "gsm8k");
    }

    @Test
    void subjectsAreCaseSensitive() {
        List<String> reasons = refusal(task("").replace("\"subject\": \"pubmedqa\"", "\"subject\": \"PubMedQA\""));

        assertThat(reasons).singleElement().asString().contains("unknown subject 'PubMedQA'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validation", "dev", "TRAIN"})
    void refusesAnUnknownSplit(String split) {
        assertThat(refusal(task("\"split\": \"" + split + "\"")))
                .containsExactly("unknown split '" + split + "' (train or test)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor-critic", "competitive", "debate"})
    void refusesAnUnsupportedSetting(String setting) {
        assertThat(refusal(task("\"setting\": \"" + setting + "\""))).singleElement().asString()
                .startsWith("unsupported setting '" + setting + "'")
                .contains("problem-solving");
    }

    @Test
    void refusesANegativeRound() {
        assertThat(refusal(task("\"round\": -1"))).containsExactly("round must not be negative");
    }

    @Test
    void refusesATaskOver256KilobytesGivingItsSize() {
        String json = task("\"context\": \"" + "x".repeat(300_000) + "\"");
        int size = json.getBytes(StandardCharsets.UTF_8).length;

        assertThat(refusal(json)).singleElement().asString()
                .contains(String.valueOf(size))
                .contains(String.valueOf(TaskValidator.MAX_TASK_BYTES))
                .isEqualTo("task is " + size + " bytes, over the limit of 262144 bytes");
    }

    @Test
    void countsTheSizeInUtf8BytesNotCharacters() {
        String json = task("\"context\": \"" + "é".repeat(140_000) + "\"");
        assertThat(json.length()).isLessThan(TaskValidator.MAX_TASK_BYTES);

        assertThat(refusal(json)).singleElement().asString().startsWith("task is 28");
    }

    @Test
    void acceptsATaskOfExactlyTheLimit() {
        String base = task("\"context\": \"\"");
        int room = TaskValidator.MAX_TASK_BYTES - base.getBytes(StandardCharsets.UTF_8).length;
        String atLimit = task("\"context\": \"" + "c".repeat(room) + "\"");
        String overLimit = task("\"context\": \"" + "c".repeat(room + 1) + "\"");

        assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(TaskValidator.MAX_TASK_BYTES);
        assertThat(validator.parse(atLimit).context()).hasSize(room);
        assertThat(refusal(overLimit)).singleElement().asString().startsWith("task is 262145 bytes");
    }

    @Test
    void reportsSeveralReasonsTogether() {
        String json = "{\"id\": \"\", \"subject\": \"astrology\", \"setting\": \"competitive\","
                + " \"split\": \"dev\", \"round\": -2}";

        InvalidTaskException e = catchThrowableOfType(InvalidTaskException.class, () -> validator.parse(json));

        assertThat(e.reasons()).hasSize(7).contains("missing id", "missing question", "missing answer",
                "unknown split 'dev' (train or test)", "round must not be negative");
        assertThat(e.reasons()).anyMatch(r -> r.startsWith("unknown subject 'astrology'"))
                .anyMatch(r -> r.startsWith("unsupported setting 'competitive'"));
        assertThat(e).hasMessageStartingWith("invalid task: ")
                .hasMessageContaining("missing id; missing question; missing answer");
    }

    @Test
    void theReasonsCannotBeChanged() {
        InvalidTaskException e = new InvalidTaskException(new java.util.ArrayList<>(List.of("one")));

        assertThatThrownBy(() -> e.reasons().add("two")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(e).hasMessage("invalid task: one");
    }

    @Test
    void checkReturnsAParsedTaskWithTheDefaults() {
        TaskEvent raw = new TaskEvent("physics/1", null, "physics", "How far?", null, null, "12", null, null);

        TaskEvent checked = validator.check(raw);

        assertThat(checked).isEqualTo(new TaskEvent("physics/1", "problem-solving", "physics", "How far?",
                null, null, "12", "train", 0));
    }

    @Test
    void checkRefusesAnInvalidTaskWithEveryReason() {
        TaskEvent raw = new TaskEvent(" ", "actor-critic", "biology", "q", null, null, null, "holdout", -5);

        assertThatThrownBy(() -> validator.check(raw))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.reasons())
                        .hasSize(6)
                        .contains("missing id", "missing answer", "round must not be negative",
                                "unknown split 'holdout' (train or test)"));
    }

    @Test
    void checkRefusesNull() {
        assertThatThrownBy(() -> validator.check(null))
                .isInstanceOfSatisfying(InvalidTaskException.class,
                        e -> assertThat(e.reasons()).containsExactly("not a JSON task object: null"));
    }

    @Test
    void checkRefusesATaskWhoseJsonIsTooLarge() {
        TaskEvent raw = new TaskEvent("x", null, "gsm8k", "q".repeat(300_000), null, null, "1", null, null);

        assertThatThrownBy(() -> validator.check(raw))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.reasons())
                        .singleElement().asString().matches("task is 3\\d{5} bytes, over the limit of 262144 bytes"));
    }

    @Test
    void knowsOnlyTheSubjectsItWasGiven() {
        TaskValidator arithmeticOnly = new TaskValidator(java.util.Set.of("arithmetic"));
        String json = "{\"id\": \"a/1\", \"subject\": \"arithmetic\", \"question\": \"1+1\", \"answer\": \"2\"}";

        assertThat(arithmeticOnly.parse(json).subject()).isEqualTo("arithmetic");
        assertThatThrownBy(() -> arithmeticOnly.parse(task("")))
                .hasMessageContaining("unknown subject 'pubmedqa' (one of [arithmetic])");
    }
}
