package org.itera.core.dataset;

/** An operation of a generated arithmetic problem, applied to the running amount. */
public enum Operation {

    PLUS("+", "add"), MINUS("-", "sub"), TIMES("*", "mul");

    /** The smallest multiplier of {@link #TIMES}. */
    public static final int MIN_FACTOR = 2;
    /** The largest multiplier of {@link #TIMES}. */
    public static final int MAX_FACTOR = 9;

    private final String symbol;
    private final String word;

    Operation(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** The operation a {@link Difficulty}'s text names {@code add}, {@code sub} or {@code mul}. */
    public static Operation named(String word) {
        for (Operation op : values()) {
            if (op.word.equals(word)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + word + "' (expected add, sub or mul)");
    }

    /** The name of this operation in a {@link Difficulty}'s text: {@code add}, {@code sub} or {@code mul}. */
    public String word() {
        return word;
    }

    /** The ASCII symbol used in {@link Problem#expression()}: {@code +}, {@code -} or {@code *}. */
    public String symbol() {
        return symbol;
    }

    /** {@code amount <op> operand}; throws when the result would overflow a long. */
    public long apply(long amount, long operand) {
        return switch (this) {
            case PLUS -> Math.addExact(amount, operand);
            case MINUS -> Math.subtractExact(amount, operand);
            case TIMES -> Math.multiplyExact(amount, operand);
        };
    }
}
