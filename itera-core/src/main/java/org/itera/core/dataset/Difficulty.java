package org.itera.core.dataset;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a generated arithmetic problem is: the number of digits of its operands, the number of
 * operations it chains, and which operations it may use. Written {@code d<digits>s<steps>} when
 * every operation may occur, e.g. {@code d2s1}, and {@code d<digits>s<steps>-<op>[-<op>...]} to
 * keep to some of them, e.g. {@code d1s1-add} (additions only) or {@code d1s2-add-sub}.
 *
 * <p>{@code digits} (1..6) is the length of the starting number and of every number added or
 * taken away; multipliers are always single digits (2..9) so that products stay small.
 * {@code steps} (1..4) is the number of operations applied to the starting number.
 * {@code operations} is a non-empty set of {@link Operation}s, named {@code add}, {@code sub} and
 * {@code mul} in the text; subtraction alone is allowed for one step only, because a second
 * subtraction could find nothing left to take away.
 */
public record Difficulty(int digits, int steps, Set<Operation> operations) {

    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 6;
    public static final int MIN_STEPS = 1;
    public static final int MAX_STEPS = 4;

    /**
     * The default: one-digit numbers, one addition ({@code d1s1-add}), where SmolLM2-135M gets
     * 27.5% right at the first attempt with greedy decoding (22 of 80; {@code d1s1}, with every
     * operation: 13.8%); see docs/results.md.
     */
    public static final Difficulty DEFAULT = new Difficulty(1, 1, Set.of(Operation.PLUS));

    private static final Pattern TEXT = Pattern.compile("d(\\d+)s(\\d+)((?:-[a-z]+)*)");
    private static final String FORM = "d<digits>s<steps>, optionally -add, -sub, -mul; e.g. d2s1 or d1s1-add";

    public Difficulty {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be " + MIN_DIGITS + ".." + MAX_DIGITS + ": " + digits);
        }
        if (steps < MIN_STEPS || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be " + MIN_STEPS + ".." + MAX_STEPS + ": " + steps);
        }
        if (operations == null || operations.isEmpty()) {
            throw new IllegalArgumentException("a difficulty needs at least one operation");
        }
        operations = Set.copyOf(EnumSet.copyOf(operations));
        if (steps > 1 && operations.equals(Set.of(Operation.MINUS))) {
            throw new IllegalArgumentException("subtraction alone allows one step only (a second could find "
                    + "nothing left to take away): add -add or -mul, or use s1");
        }
    }

    /** {@code digits} and {@code steps} with every operation. */
    public Difficulty(int digits, int steps) {
        this(digits, steps, EnumSet.allOf(Operation.class));
    }

    /** Reads the text form, ignoring case and surrounding spaces, e.g. {@code "d2s1"}, {@code "d1s1-add"}. */
    public static Difficulty parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no difficulty given (expected " + FORM + ")");
        }
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 2 || m.group(2).length() > 2) {
            throw new IllegalArgumentException("not a difficulty: '" + text + "' (expected " + FORM + ")");
        }
        Set<Operation> operations = EnumSet.allOf(Operation.class);
        if (!m.group(3).isEmpty()) {
            operations = EnumSet.noneOf(Operation.class);
            for (String name : m.group(3).substring(1).split("-")) {
                Operation op = Operation.named(name);
                if (!operations.add(op)) {
                    throw new IllegalArgumentException("operation '" + name + "' given twice in '" + text + "'");
                }
            }
        }
        return new Difficulty(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), operations);
    }

    /** Whether every operation may occur (the text then has no operation suffix). */
    public boolean allOperations() {
        return operations.size() == Operation.values().length;
    }

    /** The names of the operations ({@code add}, {@code sub}, {@code mul}) in that order. */
    public List<String> operationWords() {
        return operations.stream().sorted().map(Operation::word).toList();
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
        String text = "d" + digits + "s" + steps;
        return allOperations() ? text : text + "-" + String.join("-", operationWords());
    }
}
