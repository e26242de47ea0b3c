package org.itera.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.task.InvalidTaskException;
import org.itera.core.task.TaskRows;
import org.itera.core.task.TaskValidator;

/**
 * Reads a JSONL dataset file into task events for one setting, subject and split, checking each line with
 * the {@link TaskValidator}. Blank lines are skipped; {@code offset} and {@code limit} count the
 * non-blank lines; line numbers count every physical line from 1.
 */
public final class DatasetReader {

    private final TaskValidator validator;
    private final String setting;
    private final String subject;
    private final String split;
    private final Integer round;

    public DatasetReader(TaskValidator validator, String setting, String subject, String split, Integer round) {
        this.validator = validator;
        this.setting = setting;
        this.subject = subject;
        this.split = split;
        this.round = round;
    }

    /** A reader of problem-solving tasks. */
    public DatasetReader(TaskValidator validator, String subject, String split, Integer round) {
        this(validator, TaskEvent.SETTING_PROBLEM_SOLVING, subject, split, round);
    }

    /** Reads lines {@code offset+1 .. offset+limit} (all after the offset when limit is negative). */
    public DatasetBatch read(Path file, int offset, int limit) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, offset, limit);
        }
    }

    public DatasetBatch read(BufferedReader in, int offset, int limit) throws IOException {
        List<TaskEvent> tasks = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        int lineNumber = 0;
        int seen = 0;
        String line;
        long end = limit < 0 ? Long.MAX_VALUE : (long) offset + limit;
        while (seen < end && (line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || seen++ < offset) {
                continue;
            }
            try {
                tasks.add(toTask(line));
            } catch (InvalidTaskException e) {
                invalid.add(new InvalidLine(lineNumber, e.reasons()));
            }
        }
        return new DatasetBatch(tasks, invalid);
    }

    /** Turns one dataset line into a checked task; throws with every reason it is not one. */
    public TaskEvent toTask(String line) {
        return validator.check(TaskRows.task(line, setting, subject, split, round));
    }
}
