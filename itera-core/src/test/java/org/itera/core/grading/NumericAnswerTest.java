package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericAnswerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "72 | 72",
            "72.00 | 72",
            "-3 | -3",
            "0 | 0",
            "0.000 | 0",
            "3.5e-08 | 3.5E-8",
            "3e-36 | 3E-36",
            "0.000544 | 0.000544",
            "0.0000544 | 5.44E-5",
            "463000000.0 | 463000000",
            "2E+20 | 2E20",
            "-1.25E-9 | -1.25E-9"})
    void canonicalFormIsStableAndParsesBack(String input, String canonical) {
        BigDecimal value = new BigDecimal(input);
        assertThat(NumericAnswer.canonical(value)).isEqualTo(canonical);
        assertThat(NumberParser.parse(canonical)).hasValueSatisfying(
                parsed -> assertThat(parsed.values().get(0)).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[2.0, 1.32] | [2, 1.32]",
            "[0.0259, 0.00505] | [0.0259, 0.00505]",
            "[1,234, 5] | [1234, 5]",
            "[3e-8,4] | [3E-8, 4]"})
    void listsParseElementWise(String input, String canonical) {
        assertThat(NumberParser.parse(input)).hasValueSatisfying(
                parsed -> assertThat(parsed.canonical()).isEqualTo(canonical));
    }
}
