package org.itera.core.setting;

import java.util.Map;

/**
 * A rate a setting reports: the sum of one counter over a set of episodes, divided by the sum of
 * another counter, or by the number of episodes when {@code denominator} is null.
 */
public record Rate(String name, String numerator, String denominator) {

    /** A share of all episodes. */
    public static Rate ofEpisodes(String name, String numerator) {
        return new Rate(name, numerator, null);
    }

    /** The numerator's sum. */
    public long successes(Map<String, Long> sums) {
        return sums.getOrDefault(numerator, 0L);
    }

    /** The denominator's sum: the counter's, or {@code episodes}. */
    public long trials(Map<String, Long> sums, long episodes) {
        return denominator == null ? episodes : sums.getOrDefault(denominator, 0L);
    }
}
