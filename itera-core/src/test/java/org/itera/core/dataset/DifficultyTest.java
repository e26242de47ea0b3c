package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DifficultyTest {

    @Test
    void theDefaultIsOneDigitOneStep() {
        assertThat(Difficulty.DEFAULT).isEqualTo(new Difficulty(1, 1));
        assertThat(Difficulty.DEFAULT).hasToString("d1s1");
    }

    @Test
    void everyDifficultyReadsBackFromItsText() {
        int checked = 0;
        for (int digits = Difficulty.MIN_DIGITS; digits <= Difficulty.MAX_DIGITS; digits++) {
            for (int steps = Difficulty.MIN_STEPS; steps <= Difficulty.MAX_STEPS; steps++) {
                Difficulty d = new Difficulty(digits, steps);
                assertThat(d.toString()).isEqualTo("d" + digits + "s" + steps);
                assertThat(Difficulty.parse(d.toString())).isEqualTo(d);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(24);
    }

    @Test
    void parsingIgnoresCaseAndSurroundingSpace() {
        assertThat(Difficulty.parse(" D3S2 ")).isEqualTo(new Difficulty(3, 2));
        assertThat(Difficulty.parse("d06s04")).isEqualTo(new Difficulty(6, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d2", "s1", "2s1", "d2s", "d2 s1", "d-1s1", "dxs1", "d2s1x", "d123s1", "d2s1.5"})
    void malformedTextIsRefusedWithTheExpectedForm(String text) {
        assertThatThrownBy(() -> Difficulty.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d<digits>s<steps>");
    }

    @ParameterizedTest
    @NullSource
    void aMissingDifficultyIsRefused(String text) {
        assertThatThrownBy(() -> Difficulty.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d0s1", "d7s1", "d2s0", "d2s5", "d99s1"})
    void outOfRangeValuesAreRefused(String text) {
        assertThatThrownBy(() -> Difficulty.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(digits must be 1\\.\\.6|steps must be 1\\.\\.4): \\d+");
    }

    @Test
    void operandRangesHaveExactlyTheGivenNumberOfDigits() {
        assertThat(new Difficulty(1, 1).minOperand()).isEqualTo(2);
        assertThat(new Difficulty(1, 1).maxOperand()).isEqualTo(9);
        assertThat(new Difficulty(2, 1).minOperand()).isEqualTo(10);
        assertThat(new Difficulty(2, 1).maxOperand()).isEqualTo(99);
        assertThat(new Difficulty(6, 4).minOperand()).isEqualTo(100_000);
        assertThat(new Difficulty(6, 4).maxOperand()).isEqualTo(999_999);
    }
}
