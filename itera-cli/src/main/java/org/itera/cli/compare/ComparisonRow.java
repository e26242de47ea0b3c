package org.itera.cli.compare;

import java.util.Locale;
import java.util.Optional;
import org.itera.cli.round.PairedComparison;

/**
 * One line of the comparison: a method's result and, unless it is {@code single} or there is no
 * {@code single}, its task-by-task comparison with {@code single} ("after" is this method).
 */
public record ComparisonRow(MethodResult result, Optional<PairedComparison> vsSingle) {

    /** e.g. {@code 72.5%}; {@code n/a} without tasks. */
    public String accuracyText() {
        return result.n() == 0 ? "n/a" : percent(result.accuracy());
    }

    /** e.g. {@code 57.2–83.9%}. */
    public String intervalText() {
        return String.format(Locale.ROOT, "%.1f–%s", 100 * result.interval().low(), percent(result.interval().high()));
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
