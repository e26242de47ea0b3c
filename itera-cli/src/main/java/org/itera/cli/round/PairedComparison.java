package org.itera.cli.round;

import java.util.Locale;
import java.util.Map;

/**
 * Two evaluations of the same tasks compared task by task: how many were right only after, only
 * before, and the exact two-sided sign test on those discordant tasks (McNemar's exact test). Only
 * tasks both evaluated are paired. Used by {@code round-driver report} and the method comparison
 * ({@code org.itera.cli.compare}, where "before" is {@code single}).
 */
public record PairedComparison(int onlyAfter, int onlyBefore, int both, int neither) {

    public static PairedComparison of(Map<String, Boolean> before, Map<String, Boolean> after) {
        int onlyAfter = 0;
        int onlyBefore = 0;
        int both = 0;
        int neither = 0;
        for (Map.Entry<String, Boolean> task : before.entrySet()) {
            Boolean later = after.get(task.getKey());
            if (later == null) {
                continue;
            }
            if (task.getValue() && later) {
                both++;
            } else if (task.getValue()) {
                onlyBefore++;
            } else if (later) {
                onlyAfter++;
            } else {
                neither++;
            }
        }
        return new PairedComparison(onlyAfter, onlyBefore, both, neither);
    }

    public int paired() {
        return onlyAfter + onlyBefore + both + neither;
    }

    /** The two-sided p-value of the sign test: P(a split at least this uneven | no difference). */
    public double signTestP() {
        int n = onlyAfter + onlyBefore;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(onlyAfter, onlyBefore);
        double tail = 0;
        double term = Math.pow(0.5, n);
        for (int i = 0; i <= k; i++) {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(1.0, 2 * tail);
    }

    /** e.g. {@code task by task (40 paired): right only after 21, only before 3; sign test p = 0.0003}. */
    String line() {
        return String.format(Locale.ROOT, "task by task (%d paired): right only after %d, only before %d; sign test p = %.4f",
                paired(), onlyAfter, onlyBefore, signTestP());
    }
}
