package org.itera.cli;

import java.util.List;
import org.itera.core.event.TaskEvent;

/** What was read from a dataset file: the valid tasks in file order, and the lines refused. */
public record DatasetBatch(List<TaskEvent> tasks, List<InvalidLine> invalid) {

    public DatasetBatch {
        tasks = List.copyOf(tasks);
        invalid = List.copyOf(invalid);
    }

    public boolean hasInvalid() {
        return !invalid.isEmpty();
    }

    /** The same tasks marked as part of the given run. */
    public DatasetBatch inRun(String run) {
        return new DatasetBatch(tasks.stream().map(task -> task.withRun(run)).toList(), invalid);
    }

    /** Lines read inside the offset/limit window, valid or not. */
    public int linesRead() {
        return tasks.size() + invalid.size();
    }
}
