package org.itera.cli.run;

import java.nio.file.Path;
import org.itera.core.event.TaskEvent;

/**
 * What {@code itera run} was asked to do, defaults applied: the setting and subject, where the
 * tasks come from ({@code file} null: generated arithmetic or games), how many train and test
 * tasks from which row, the time allowed, and whether it is a round.
 *
 * @param offset       the first train row; null: 0, or in a round the row after the last round's
 * @param testLimit    test tasks: pushed with the train tasks, or a round's evaluation set
 * @param timeoutSeconds for the train tasks and their repairs
 */
public record RunPlan(String setting, String subject, Path file, String difficulty, int limit, Integer offset,
        int testLimit, int timeoutSeconds, boolean round, boolean keep) {

    public boolean competitive() {
        return "competitive".equals(setting);
    }

    /** Generated arithmetic problems: the arithmetic subject outside the games, without a file. */
    public boolean generatedArithmetic() {
        return file == null && "arithmetic".equals(subject) && !competitive();
    }

    /** Generated games: the competitive setting without a file. */
    public boolean generatedGames() {
        return file == null && competitive();
    }

    public boolean problemSolving() {
        return TaskEvent.SETTING_PROBLEM_SOLVING.equals(setting);
    }
}
