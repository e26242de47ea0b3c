package org.itera.cli.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static Map<String, Boolean> outcomes(String pattern) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length(); i++) {
            map.put("t" + i, pattern.charAt(i) == '1');
        }
        return map;
    }

    @Test
    void countsTheDiscordantTasksAndTestsThemWithTheExactSignTest() {
        PairedComparison paired = PairedComparison.of(outcomes("0000000111"), outcomes("1111110110"));

        assertThat(paired.onlyAfter()).isEqualTo(6);
        assertThat(paired.onlyBefore()).isEqualTo(1);
        assertThat(paired.both()).isEqualTo(2);
        assertThat(paired.neither()).isEqualTo(1);
        // P(X <= 1) for X ~ Bin(7, 1/2) is 8/128; two-sided 0.125
        assertThat(paired.signTestP()).isCloseTo(0.125, within(1e-12));
        assertThat(paired.line()).isEqualTo(
                "task by task (10 paired): right only after 6, only before 1; sign test p = 0.1250");
    }

    @Test
    void theRoundOneFigureOfTheResultsIsReproduced() {
        // docs/results.md, round 1 at the defaults: right only after 21, only before 3 -> p = 0.0003
        PairedComparison paired = new PairedComparison(21, 3, 6, 10);

        assertThat(paired.signTestP()).isCloseTo(0.000277, within(0.00001));
    }

    @Test
    void noDiscordantTaskMeansNoEvidenceOfAChange() {
        assertThat(PairedComparison.of(outcomes("0101"), outcomes("0101")).signTestP()).isEqualTo(1.0);
        assertThat(PairedComparison.of(outcomes("01"), Map.of()).paired()).isZero();
    }
}
