package org.itera.core.setting;

import java.util.Map;

/**
 * A rate a setting reports: the sum of one counter over a set of episodes, divided by the sum of
 * another counter, or by the number of episodes when {@code denominator} is null. A {@code mean}
 * (e.g. a game's mean payoff or length) is a counter's sum over the episodes that may exceed 1 per
 * episode; its interval is a normal one over the episodes' values, not a Wilson interval.
 */
public record Rate(String name, String numerator, String denominator, boolean mean) {

    /** A proportion: numerator's sum over denominator's sum (episodes when null). */
    public Rate(String name, String numerator, String denominator) {
        this(name, numerator, denominator, false);
    }

    /** A share of all episodes. */
    public static Rate ofEpisodes(String name, String numerator) {
        return new Rate(name, numerator, null);
    }

    /** The mean of a counter over the episodes. */
    public static Rate meanOf(String name, String counter) {
        return new Rate(name, counter, null, true);
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
