package org.itera.core.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.itera.core.event.Grade;

/**
 * Compares a read number (or list) with the reference. A reference written as an integer
 * (no decimal point, no exponent, e.g. GSM8K's {@code 72}) must be matched exactly, so
 * {@code 72.0} passes and {@code 71} fails; any other reference allows a relative error, with an
 * absolute floor of {@value #ZERO_FLOOR} when the reference is 0. Lists compare element-wise
 * and must have the same length; a one-element list equals the single number.
 */
final class NumberMatcher {

    static final double ZERO_FLOOR = 1e-9;

    private NumberMatcher() {
    }

    static Grade compare(String expectedText, String read, double tolerance) {
        Optional<NumericAnswer> expected = NumberParser.parse(expectedText);
        Optional<NumericAnswer> got = NumberParser.parse(read);
        if (expected.isEmpty()) {
            return new Grade(read, expectedText, false, "reference answer is not a number");
        }
        if (got.isEmpty()) {
            return new Grade(read, expectedText, false, "read answer is not a number");
        }
        List<BigDecimal> want = expected.get().values();
        List<BigDecimal> have = got.get().values();
        if (want.size() != have.size()) {
            return new Grade(read, expectedText, false,
                    "expected " + want.size() + " value(s), read " + have.size());
        }
        boolean exact = isInteger(expectedText);
        for (int i = 0; i < want.size(); i++) {
            if (!close(want.get(i), have.get(i), exact, tolerance)) {
                return new Grade(read, expectedText, false, mismatch(want.get(i), have.get(i), exact, tolerance));
            }
        }
        String canonical = expected.get().canonical();
        String detail = exact ? "exactly " + canonical : "within " + percent(tolerance) + " of " + canonical;
        return new Grade(read, expectedText, true, detail);
    }

    /** Integer references carry no decimal point and no exponent. */
    static boolean isInteger(String expectedText) {
        return !expectedText.matches("(?s).*[.eE].*");
    }

    static boolean close(BigDecimal want, BigDecimal have, boolean exact, double tolerance) {
        BigDecimal error = have.subtract(want).abs();
        if (exact) {
            return error.signum() == 0;
        }
        if (want.signum() == 0) {
            return error.compareTo(BigDecimal.valueOf(ZERO_FLOOR)) <= 0;
        }
        return error.compareTo(want.abs().multiply(BigDecimal.valueOf(tolerance))) <= 0;
    }

    private static String mismatch(BigDecimal want, BigDecimal have, boolean exact, double tolerance) {
        String text = "expected " + NumericAnswer.canonical(want) + ", read " + NumericAnswer.canonical(have);
        return exact ? text : text + " (not within " + percent(tolerance) + ")";
    }

    private static String percent(double tolerance) {
        return BigDecimal.valueOf(tolerance).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
