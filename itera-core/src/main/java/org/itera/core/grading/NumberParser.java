package org.itera.core.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers in plain text (run {@link TextCleaner#cleanMath} first). Understood: signs,
 * thousands commas ({@code 1,234}), decimals, {@code 3.5e-08}, {@code 2.0 × 10^-3} (also with
 * {@code x} or {@code *}), a bare power {@code 10^-24}, a fraction {@code 1/2} and a percent
 * sign (dropped: {@code 45%} is 45), plus bracketed lists {@code [2.0, 1.32]}.
 */
final class NumberParser {

    /** A number found in a text, with where it starts and ends. */
    record Found(BigDecimal value, int start, int end) {
    }

    private static final String MANTISSA = "(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?|\\.\\d+";
    private static final String POWER = "\\s*\\^\\s*\\(?\\s*([-+]?\\d+)(?:\\s*\\))?";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.^]|\\^[-+])([-+])?(?:10" + POWER + "|(" + MANTISSA + ")([eE][-+]?\\d+)?"
                    + "(?:\\s*[×x*]\\s*10" + POWER + ")?)"
                    + "(?:\\s*/\\s*(\\d+(?:\\.\\d+)?)(?!\\d|\\.\\d))?(\\s*%)?");
    private static final Pattern LIST = Pattern.compile("\\[([^\\[\\]]*)]");
    /** List items are split at commas, except a comma followed by exactly three digits. */
    private static final Pattern ITEM_SEPARATOR = Pattern.compile(",(?!\\d{3}(?!\\d))");

    private NumberParser() {
    }

    /** Every number in the text, left to right. */
    static List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            valueOf(m).ifPresent(v -> found.add(new Found(v, m.start(), m.end())));
        }
        return found;
    }

    /** The first bracketed list in the text whose items all hold a number. */
    static Optional<NumericAnswer> findList(String text) {
        Matcher m = LIST.matcher(text);
        while (m.find()) {
            Optional<NumericAnswer> list = parseItems(m.group(1));
            if (list.isPresent()) {
                return list;
            }
        }
        return Optional.empty();
    }

    /** Parses a reference answer ({@code 72}, {@code -3}, {@code 1,234}, {@code 3.5e-08}, a list). */
    static Optional<NumericAnswer> parse(String text) {
        String s = TextCleaner.cleanMath(text).strip();
        if (s.startsWith("[")) {
            return findList(s);
        }
        List<Found> numbers = findAll(s);
        return numbers.isEmpty() ? Optional.empty() : Optional.of(NumericAnswer.single(numbers.get(0).value()));
    }

    private static Optional<NumericAnswer> parseItems(String items) {
        List<BigDecimal> values = new ArrayList<>();
        for (String item : ITEM_SEPARATOR.split(items, -1)) {
            List<Found> numbers = findAll(item);
            if (numbers.isEmpty()) {
                return Optional.empty();
            }
            values.add(numbers.get(0).value());
        }
        return Optional.of(new NumericAnswer(values, true));
    }

    private static Optional<BigDecimal> valueOf(Matcher m) {
        try {
            BigDecimal value = m.group(2) != null
                    ? BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(m.group(2)))
                    : new BigDecimal(m.group(3).replace(",", "") + (m.group(4) == null ? "" : m.group(4)));
            if (m.group(5) != null) {
                value = value.scaleByPowerOfTen(Integer.parseInt(m.group(5)));
            }
            if (m.group(6) != null) {
                value = value.divide(new BigDecimal(m.group(6)), MathContext.DECIMAL64);
            }
            return Optional.of("-".equals(m.group(1)) ? value.negate() : value);
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
