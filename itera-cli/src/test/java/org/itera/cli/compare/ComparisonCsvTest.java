package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonCsvTest {

    /** Each line split on commas, keeping empty fields. */
    private static List<String[]> parse(String csv) {
        return csv.lines().map(line -> line.split(",", -1)).toList();
    }

    @Test
    void theExactHeaderThenOneParseableRowPerMethodInOrder() {
        List<String[]> rows = parse(ComparisonCsv.of(Comparison.of(List.of(Outcomes.sirius(), Outcomes.single()))));

        assertThat(String.join(",", rows.get(0)))
                .isEqualTo("method,correct,n,accuracy,ci_low,ci_high,only_method,only_single,p_vs_single");
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(9));
        String[] single = rows.get(1);
        assertThat(Arrays.copyOfRange(single, 0, 3)).containsExactly("single", "22", "40");
        assertThat(Double.parseDouble(single[3])).isEqualTo(0.55);
        assertThat(Arrays.copyOfRange(single, 6, 9)).containsOnly("");
        String[] sirius = rows.get(2);
        assertThat(Arrays.copyOfRange(sirius, 0, 3)).containsExactly("sirius", "29", "40");
        assertThat(Double.parseDouble(sirius[3])).isEqualTo(0.725);
        assertThat(Double.parseDouble(sirius[4])).isCloseTo(0.571650, within(1e-6));
        assertThat(Double.parseDouble(sirius[5])).isCloseTo(0.838920, within(1e-6));
        assertThat(Integer.parseInt(sirius[6])).isEqualTo(9);
        assertThat(Integer.parseInt(sirius[7])).isEqualTo(2);
        assertThat(Double.parseDouble(sirius[8])).isCloseTo(0.0654297, within(1e-7));
    }

    @Test
    void withoutSingleThePairedFieldsAreEmpty() {
        List<String[]> rows = parse(ComparisonCsv.of(Comparison.of(List.of(Outcomes.result("team", 0, 10)))));

        assertThat(rows.get(1)).containsExactly("team", "0", "10", "0.000000", "0.000000", "0.277533", "", "", "");
    }

    @Test
    void aMethodWithoutTasksHasAnEmptyAccuracyAndAnIdWithACommaIsQuoted() {
        String csv = ComparisonCsv.of(Comparison.of(List.of(new MethodResult("a,\"b\"", "", Map.of()))));

        assertThat(csv.lines().skip(1)).containsExactly("\"a,\"\"b\"\"\",0,0,,0.000000,1.000000,,,");
    }
}
