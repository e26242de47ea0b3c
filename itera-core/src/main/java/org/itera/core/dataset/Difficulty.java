package org.itera.core.dataset;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a generated arithmetic problem is: the number of digits of its operands and the number
 * of operations it chains. Written {@code d<digits>s<steps>}, e.g. {@code d2s1}.
 *
 * <p>{@code digits} (1..6) is the length of the starting number and of every number added or
 * taken away; multipliers are always single digits (2..9) so that products stay small.
 * {@code steps} (1..4) is the number of operations applied to the starting number.
 */
public record Difficulty(int digits, int steps) {

    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 6;
    public static final int MIN_STEPS = 1;
    public static final int MAX_STEPS = 4;

    /**
     * The default: one-digit numbers, one operation ({@code d1s1}), where SmolLM2-135M was
     * measured at 33% first-attempt accuracy (d2s1: 11%; see docs/results.md), so that
     * improvement is visible.
     */
    public static final Difficulty DEFAULT = new Difficulty(1, 1);

    private static final Pattern TEXT = Pattern.compile("d(\\d+)s(\\d+)");

    public Difficulty {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be " + MIN_DIGITS + ".." + MAX_DIGITS + ": " + digits);
        }
        if (steps < MIN_STEPS || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be " + MIN_STEPS + ".." + MAX_STEPS + ": " + steps);
        }
    }

    /** Reads {@code d<digits>s<steps>}, ignoring case and surrounding spaces, e.g. {@code "d2s1"}. */
    public static Difficulty parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no difficulty given (expected d<digits>s<steps>, e.g. d2s1)");
        }
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 2 || m.group(2).length() > 2) {
            throw new IllegalArgumentException("not a difficulty: '" + text + "' (expected d<digits>s<steps>, e.g. d2s1)");
        }
        return new Difficulty(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The smallest number used as a starting value or an added or subtracted amount. */
    public long minOperand() {
        return digits == 1 ? 2 : pow10(digits - 1);
    }

    /** The largest number used as a starting value or an added or subtracted amount. */
    public long maxOperand() {
        return pow10(digits) - 1;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    @Override
    public String toString() {
        return "d" + digits + "s" + steps;
    }
}
