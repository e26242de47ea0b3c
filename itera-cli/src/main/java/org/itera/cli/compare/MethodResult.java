package org.itera.cli.compare;

import java.util.Map;
import org.itera.core.setting.Wilson;

/**
 * One method's evaluation on the test split: its id (e.g. {@code sirius}, see {@link Comparison#METHODS}),
 * a short label for the table, and each task's outcome (task id to right or wrong), from which n, the
 * number right, the accuracy and its 95% Wilson interval follow.
 */
public record MethodResult(String method, String label, Map<String, Boolean> outcomes) {

    public MethodResult {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("a method result needs a method id");
        }
        label = label == null ? "" : label;
        outcomes = Map.copyOf(outcomes);
    }

    /** Tasks evaluated. */
    public int n() {
        return outcomes.size();
    }

    /** Tasks right. */
    public int correct() {
        return (int) outcomes.values().stream().filter(Boolean::booleanValue).count();
    }

    /** The share right; 0 without tasks. */
    public double accuracy() {
        return n() == 0 ? 0 : (double) correct() / n();
    }

    /** The 95% Wilson interval of the accuracy; [0, 1] without tasks. */
    public Wilson interval() {
        return Wilson.of(correct(), n());
    }
}
