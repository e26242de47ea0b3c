package org.itera.core.task;

import java.util.List;

/** A task that cannot be run, with every reason it was refused. */
public class InvalidTaskException extends RuntimeException {

    private final List<String> reasons;

    public InvalidTaskException(List<String> reasons) {
        super("invalid task: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
