package org.itera.core.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** One number, or a bracketed list of numbers, with a canonical text form. */
record NumericAnswer(List<BigDecimal> values, boolean list) {

    private static final BigDecimal PLAIN_MIN = new BigDecimal("1E-4");
    private static final BigDecimal PLAIN_MAX = new BigDecimal("1E15");

    NumericAnswer {
        values = List.copyOf(values);
    }

    static NumericAnswer single(BigDecimal value) {
        return new NumericAnswer(List.of(value), false);
    }

    /** {@code 72}, {@code 0.5}, {@code 3.5E-8}, {@code [2, 1.32]}; parseable by {@link NumberParser}. */
    String canonical() {
        if (!list) {
            return canonical(values.get(0));
        }
        return values.stream().map(NumericAnswer::canonical).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Plain notation without trailing zeros for magnitudes in [1E-4, 1E15), otherwise scientific
     * notation with one digit before the point ({@code 3.5E-8}, {@code -2E+20} is written
     * {@code -2E20}).
     */
    static String canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(PLAIN_MIN) >= 0 && magnitude.compareTo(PLAIN_MAX) < 0) {
            return stripped.toPlainString();
        }
        int exponent = stripped.precision() - stripped.scale() - 1;
        return stripped.movePointLeft(exponent).toPlainString() + "E" + exponent;
    }
}
