package org.itera.filter.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Repair counts of one group: regenerated trajectories ({@code repaired}), the correct ones among
 * them ({@code rescued}), failed trajectories whose task ran out of repairs ({@code exhausted}), and
 * {@code rescueRate} = rescued / repaired (0 when nothing was repaired).
 */
public final class RepairTally {

    private long repaired;
    private long rescued;
    private long exhausted;

    void addRegenerated(boolean correct, long n) {
        repaired += n;
        if (correct) {
            rescued += n;
        }
    }

    void addExhausted(long n) {
        exhausted += n;
    }

    public double rescueRate() {
        return repaired == 0 ? 0.0 : (double) rescued / repaired;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("repaired", repaired);
        counts.put("rescued", rescued);
        counts.put("exhausted", exhausted);
        counts.put("rescueRate", rescueRate());
        return counts;
    }
}
