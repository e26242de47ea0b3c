package org.itera.cli.compare;

import java.util.Locale;

/**
 * The comparison as CSV, one row per method: accuracy and interval bounds as fractions; the paired
 * columns empty for {@code single} itself and when there is no {@code single}.
 */
final class ComparisonCsv {

    static final String HEADER = "method,correct,n,accuracy,ci_low,ci_high,only_method,only_single,p_vs_single";

    private ComparisonCsv() {
    }

    static String of(Comparison comparison) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ComparisonRow row : comparison.rows()) {
            MethodResult result = row.result();
            csv.append(field(result.method())).append(',').append(result.correct()).append(',').append(result.n())
                    .append(',').append(result.n() == 0 ? "" : fraction(result.accuracy()))
                    .append(',').append(fraction(result.interval().low()))
                    .append(',').append(fraction(result.interval().high())).append(',')
                    .append(row.vsSingle().map(p -> p.onlyAfter() + "," + p.onlyBefore() + ","
                            + String.format(Locale.ROOT, "%.6g", p.signTestP())).orElse(",,"))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break. */
    private static String field(String value) {
        return value.matches("[^,\"\r\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
