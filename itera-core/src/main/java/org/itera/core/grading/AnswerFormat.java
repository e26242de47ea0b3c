package org.itera.core.grading;

import java.util.Locale;
import java.util.Objects;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.TeamCatalog;

/** How the final answer of a task is written, and therefore how it is read back and compared. */
public enum AnswerFormat {

    /** A multiple-choice letter, {@code A} for the first option. */
    LETTER,
    /** One of {@code yes}, {@code no} or {@code maybe} (PubMedQA). */
    YES_NO_MAYBE,
    /** A number, or a bracketed list of numbers (TheoremQA, GSM8K, arithmetic). */
    NUMBER;

    /** Options assumed when a letter task does not say how many it has. */
    static final int DEFAULT_CHOICE_COUNT = 4;

    /**
     * The format of the standard team that answers the task (its setting and subject, the subject
     * matched ignoring case): what the team file declares ({@code pubmedqa} declares yes/no/maybe),
     * else {@link #byChoices}. Code that holds the team asks it instead
     * ({@code TeamDefinition.answerFormatFor}).
     */
    public static AnswerFormat forTask(TaskEvent task) {
        Objects.requireNonNull(task, "task");
        return TeamCatalog.standard().answerFormatFor(task);
    }

    /** The format of a task whose team declares none: a letter when it has choices, else a number. */
    public static AnswerFormat byChoices(TaskEvent task) {
        return task.hasChoices() ? LETTER : NUMBER;
    }

    /** Reads a team file's {@code answerFormat}: {@code letter}, {@code yes-no-maybe} or {@code number}. */
    public static AnswerFormat parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AnswerFormat format : values()) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown answer format '" + text + "' (letter, yes-no-maybe or number)");
    }

    /** How many letters a task offers: its number of choices, or four when it lists none. */
    static int choiceCount(TaskEvent task) {
        if (task == null || !task.hasChoices()) {
            return DEFAULT_CHOICE_COUNT;
        }
        return Math.min(task.choices().size(), 26);
    }

    /**
     * The sentence appended to the final agent's prompt so that its reply ends in a form that
     * {@link AnswerExtractor} can read.
     */
    public String instruction(TaskEvent task) {
        return switch (this) {
            case LETTER -> "Finish with a last line of the form `Answer: X`, where X is the letter ("
                    + letterList(choiceCount(task)) + ") of the option you choose.";
            case YES_NO_MAYBE -> "Finish with a last line that is exactly one of `Answer: yes`, "
                    + "`Answer: no` or `Answer: maybe`.";
            case NUMBER -> "Finish with a last line of the form `Answer: <number>`, giving the number "
                    + "only (no units, no words); if several values are asked for, write them as a "
                    + "list such as `Answer: [x, y]`.";
        };
    }

    /**
     * A one-line form of {@link #instruction(TaskEvent)} for small models with little context,
     * e.g. {@code End with: Answer: <number>}; replies that follow it are read back the same way.
     */
    public String shortInstruction(TaskEvent task) {
        return switch (this) {
            case LETTER -> "End with: Answer: <letter> (" + letterList(choiceCount(task)) + ")";
            case YES_NO_MAYBE -> "End with: Answer: yes, no or maybe";
            case NUMBER -> "End with: Answer: <number>";
        };
    }

    /** "A", "A or B", "A, B, C or D", ... */
    static String letterList(int count) {
        int n = Math.max(1, Math.min(count, 26));
        StringBuilder out = new StringBuilder("A");
        for (int i = 1; i < n; i++) {
            out.append(i == n - 1 ? " or " : ", ").append((char) ('A' + i));
        }
        return out.toString();
    }
}
