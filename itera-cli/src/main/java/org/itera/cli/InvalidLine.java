package org.itera.cli;

import java.util.List;

/** A dataset line that was not turned into a task, with its 1-based line number and why. */
public record InvalidLine(int lineNumber, List<String> reasons) {

    public InvalidLine {
        reasons = List.copyOf(reasons);
    }

    /** One line for stderr, e.g. {@code line 7: missing answer}. */
    public String describe() {
        return "line " + lineNumber + ": " + String.join("; ", reasons);
    }
}
