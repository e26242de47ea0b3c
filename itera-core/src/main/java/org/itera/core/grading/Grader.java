package org.itera.core.grading;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;

/**
 * Grades a team's final output against a task's reference answer. Letters and yes/no/maybe
 * must match ignoring case; numbers are compared by {@link NumberMatcher}: exactly when the
 * reference is an integer, otherwise within a relative tolerance (1% by default).
 */
public final class Grader {

    /** Relative tolerance for non-integer reference numbers: 1%. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 0.01;

    private Grader() {
    }

    /** Grades in the format of the task's standard team ({@link AnswerFormat#forTask}). */
    public static Grade grade(TaskEvent task, String finalOutput) {
        return grade(task, finalOutput, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** Grades an answer written in {@code format} (the team's), with the default tolerance. */
    public static Grade grade(AnswerFormat format, TaskEvent task, String finalOutput) {
        return grade(format, task, finalOutput, DEFAULT_RELATIVE_TOLERANCE);
    }

    /**
     * @param relativeTolerance allowed {@code |read - expected| / |expected|} for non-integer
     *     reference numbers, e.g. {@code 0.01}; must be finite and non-negative
     */
    public static Grade grade(TaskEvent task, String finalOutput, double relativeTolerance) {
        Objects.requireNonNull(task, "task");
        return grade(AnswerFormat.forTask(task), task, finalOutput, relativeTolerance);
    }

    private static Grade grade(AnswerFormat format, TaskEvent task, String finalOutput, double relativeTolerance) {
        Objects.requireNonNull(task, "task");
        if (!(relativeTolerance >= 0) || Double.isInfinite(relativeTolerance)) {
            throw new IllegalArgumentException("relative tolerance must be finite and >= 0: " + relativeTolerance);
        }
        String expected = task.answer();
        if (expected == null || expected.isBlank()) {
            return Grade.noAnswer(expected, "task has no reference answer");
        }
        Optional<String> read = AnswerExtractor.extract(format, finalOutput, AnswerFormat.choiceCount(task));
        if (read.isEmpty()) {
            return Grade.noAnswer(expected, "no answer found");
        }
        return format == AnswerFormat.NUMBER
                ? NumberMatcher.compare(expected, read.get(), relativeTolerance)
                : compareWords(expected, read.get());
    }

    private static Grade compareWords(String expected, String read) {
        String want = expected.strip().toLowerCase(Locale.ROOT);
        boolean correct = want.equals(read.toLowerCase(Locale.ROOT));
        String detail = correct ? "matches " + read : "expected " + expected.strip() + ", read " + read;
        return new Grade(read, expected, correct, detail);
    }
}
