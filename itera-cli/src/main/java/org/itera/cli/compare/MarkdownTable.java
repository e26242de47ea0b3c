package org.itera.cli.compare;

import java.util.Locale;
import org.itera.cli.round.PairedComparison;

/** The comparison as a markdown table in the form of the paper's Table 3, with a note on the paired test. */
final class MarkdownTable {

    static final String HEADER = "| Method | Description | Accuracy | 95% CI | n | vs single: right only here / only single | p |";
    static final String NO_SINGLE = "No `single` result: no paired comparison against it.";
    static final String PAIRED_NOTE = "vs single: tasks both evaluated, compared task by task; p: exact two-sided "
            + "sign test (McNemar) on the tasks only one of the two got right.";

    private MarkdownTable() {
    }

    static String of(Comparison comparison) {
        int singleN = comparison.rows().stream().map(ComparisonRow::result)
                .filter(r -> Comparison.SINGLE.equals(r.method())).mapToInt(MethodResult::n).findFirst().orElse(0);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("|---|---|---:|---|---:|---|---:|\n");
        for (ComparisonRow row : comparison.rows()) {
            MethodResult result = row.result();
            text.append("| ").append(result.method()).append(" | ").append(result.label().replace("|", "\\|"))
                    .append(" | ").append(row.accuracyText()).append(" | ").append(row.intervalText())
                    .append(" | ").append(result.n()).append(" | ")
                    .append(row.vsSingle().map(p -> counts(p, Math.max(result.n(), singleN))).orElse("–")).append(" | ")
                    .append(row.vsSingle().map(p -> pValue(p.signTestP())).orElse("–")).append(" |\n");
        }
        text.append('\n').append(comparison.hasSingle() ? PAIRED_NOTE : NO_SINGLE).append('\n');
        return text.toString();
    }

    /** e.g. {@code 9 / 2}, with the number paired when fewer than either method evaluated. */
    private static String counts(PairedComparison paired, int n) {
        String counts = paired.onlyAfter() + " / " + paired.onlyBefore();
        return paired.paired() < n ? counts + " (" + paired.paired() + " paired)" : counts;
    }

    static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
