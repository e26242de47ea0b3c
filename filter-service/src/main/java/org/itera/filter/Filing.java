package org.itera.filter;

import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.Setting;

/**
 * A trajectory with its grade and what follows from it: whether it may enter the library (train
 * split), whether its failure is repairable (its setting repairs and its team does not say
 * {@code "repair": "none"}), and whether its task's repair budget
 * is used up ({@code attempt >= maxAttempts}).
 */
public record Filing(TrajectoryEvent trajectory, Setting setting, Outcome outcome, boolean train, boolean repairable,
        boolean exhausted) {

    static Filing grade(TrajectoryEvent trajectory, Setting setting, int maxAttempts) {
        Outcome outcome = setting.score(trajectory);
        boolean train = TaskEvent.SPLIT_TRAIN.equals(trajectory.task().split());
        boolean repairable = train && !outcome.success() && setting.repairs(trajectory.task().subject());
        boolean exhausted = repairable && trajectory.attempt() >= maxAttempts;
        return new Filing(trajectory, setting, outcome, train, repairable, exhausted);
    }

    public String id() {
        return trajectory.id();
    }

    /** A failure to send for repair (repairable, budget left). */
    boolean toRepair() {
        return repairable && !exhausted;
    }
}
