package org.itera.core.setting;

import java.util.Map;
import org.itera.core.event.Grade;

/**
 * How a finished episode went: whether it succeeded (a train episode that did not may be
 * repaired), the grade of its final answer, a label and a reward per role, and counters (0 or 1
 * each, named by the setting's {@link Setting#counters()}) that add up to its {@link Rate}s.
 */
public record Outcome(boolean success, Grade grade, Map<String, String> labels, Map<String, Double> rewards,
        Map<String, Integer> counters) {

    public Outcome {
        labels = Map.copyOf(labels);
        rewards = Map.copyOf(rewards);
        counters = Map.copyOf(counters);
    }

    /** 1 when the flag holds, else 0: how a counter is written. */
    public static int count(boolean flag) {
        return flag ? 1 : 0;
    }
}
