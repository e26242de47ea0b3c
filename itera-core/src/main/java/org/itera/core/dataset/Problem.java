package org.itera.core.dataset;

import java.util.List;
import java.util.Objects;
import org.itera.core.event.TaskEvent;

/**
 * One generated word problem: its English text and, kept alongside it, the arithmetic it tells:
 * a starting amount and the operations applied to it in order. {@code answer} is the result.
 *
 * @param index the position of the problem in the sequence of its difficulty and seed
 */
public record Problem(Difficulty difficulty, long seed, int index, String question, long start,
        List<Step> steps, long answer) {

    public Problem {
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(question, "question");
        steps = List.copyOf(steps);
    }

    /** {@code arithmetic/<difficulty>/<seed>/<index>}, e.g. {@code arithmetic/d1s1/1/0}. */
    public String id() {
        return ArithmeticProblems.taskId(difficulty, seed, index);
    }

    /** The expected answer as the task carries it: the integer in plain digits. */
    public String answerText() {
        return Long.toString(answer);
    }

    /**
     * The arithmetic as a plain expression with the usual precedence, e.g. {@code (23 + 14) * 3 - 5}
     * for a start of 23 followed by {@code + 14}, {@code * 3} and {@code - 5}.
     */
    public String expression() {
        StringBuilder out = new StringBuilder(Long.toString(start));
        boolean additiveOnTop = false;
        for (Step step : steps) {
            if (step.operation() == Operation.TIMES && additiveOnTop) {
                out.insert(0, '(').append(')');
            }
            out.append(' ').append(step.operation().symbol()).append(' ').append(step.operand());
            additiveOnTop = step.operation() != Operation.TIMES;
        }
        return out.toString();
    }

    /** This problem as a task of subject {@code arithmetic}, for {@code split} (train or test). */
    public TaskEvent toTask(String split) {
        return new TaskEvent(id(), TaskEvent.SETTING_PROBLEM_SOLVING, ArithmeticProblems.SUBJECT, question,
                null, null, answerText(), ArithmeticProblems.requireSplit(split), null);
    }
}
