package org.itera.core.dataset;

/** An operation of a generated arithmetic problem, applied to the running amount. */
public enum Operation {

    PLUS("+"), MINUS("-"), TIMES("*");

    /** The smallest multiplier of {@link #TIMES}. */
    public static final int MIN_FACTOR = 2;
    /** The largest multiplier of {@link #TIMES}. */
    public static final int MAX_FACTOR = 9;

    private final String symbol;

    Operation(String symbol) {
        this.symbol = symbol;
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
