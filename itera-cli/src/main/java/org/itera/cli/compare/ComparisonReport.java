package org.itera.cli.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The report of the methods' comparison (issue 14): a markdown table, a CSV and a bar chart. */
public final class ComparisonReport {

    public static final String MARKDOWN = "comparison.md";
    public static final String CSV = "comparison.csv";
    public static final String CHART = "comparison.png";

    private ComparisonReport() {
    }

    /**
     * Writes into {@code dir} (created if missing; files there replaced): {@value #MARKDOWN}, a table
     * in the form of the paper's Table 3 (method, accuracy, 95% Wilson interval, n, and the paired
     * sign test against {@code single} on the tasks both evaluated); {@value #CSV}, the same one row
     * per method ({@code method,correct,n,accuracy,ci_low,ci_high,only_method,only_single,p_vs_single});
     * and {@value #CHART}, a 900x500 bar chart of the accuracies with the intervals as error bars.
     *
     * @param results one per method, any order and any subset of {@link Comparison#METHODS} (others after them)
     * @return the markdown table, to print
     * @throws IllegalArgumentException without results or with a method given twice
     */
    public static String write(Path dir, List<MethodResult> results) throws IOException {
        Comparison comparison = Comparison.of(results);
        String markdown = MarkdownTable.of(comparison);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CSV), ComparisonCsv.of(comparison), StandardCharsets.UTF_8);
        AccuracyChart.writePng(dir.resolve(CHART), comparison);
        return markdown;
    }
}
