package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void aRowPerMethodInThePapersFormWithThePairedTestAgainstSingle() {
        String table = MarkdownTable.of(Comparison.of(List.of(Outcomes.sirius(), Outcomes.single())));

        assertThat(table).isEqualTo("""
                | Method | Description | Accuracy | 95% CI | n | vs single: right only here / only single | p |
                |---|---|---:|---|---:|---|---:|
                | single | one agent | 55.0% | 39.8–69.3% | 40 | – | – |
                | sirius | SiriuS | 72.5% | 57.2–83.9% | 40 | 9 / 2 | 0.0654 |

                """ + MarkdownTable.PAIRED_NOTE + "\n");
    }

    @Test
    void withoutSingleThePairedColumnsAreEmptyAndTheTableSaysWhy() {
        String table = MarkdownTable.of(Comparison.of(List.of(Outcomes.result("team", 0, 10),
                Outcomes.result("star", 10, 10))));

        assertThat(table.lines().toList()).containsSubsequence(
                "| team | team | 0.0% | 0.0–27.8% | 10 | – | – |",
                "| star | star | 100.0% | 72.2–100.0% | 10 | – | – |",
                MarkdownTable.NO_SINGLE);
        assertThat(table).doesNotContain(MarkdownTable.PAIRED_NOTE);
    }

    @Test
    void fewerTasksPairedThanEitherEvaluatedAreCountedInTheCell() {
        MethodResult single = new MethodResult("single", "", Outcomes.from(0, "0000011111"));
        MethodResult star = new MethodResult("star", "", Outcomes.from(5, "0011111111"));

        assertThat(MarkdownTable.of(Comparison.of(List.of(single, star))))
                .contains("| star |  | 80.0% | 49.0–94.3% | 10 | 0 / 2 (5 paired) | 0.5000 |");
        MethodResult team = new MethodResult("team", "", Outcomes.from(0, "01111"));
        assertThat(MarkdownTable.of(Comparison.of(List.of(single, team))))
                .contains("| team |  | 80.0% | 37.6–96.4% | 5 | 4 / 0 (5 paired) | 0.1250 |");
    }

    @Test
    void aMethodWithoutTasksHasNoAccuracyAndAPipeInALabelIsEscaped() {
        String table = MarkdownTable.of(Comparison.of(List.of(new MethodResult("team", "a | b", Map.of()))));

        assertThat(table).contains("| team | a \\| b | n/a | 0.0–100.0% | 0 | – | – |");
    }

    @Test
    void aTinyPValueIsShownAsABound() {
        assertThat(MarkdownTable.pValue(1.9e-6)).isEqualTo("< 0.0001");
        assertThat(MarkdownTable.pValue(0.000277)).isEqualTo("0.0003");
    }
}
