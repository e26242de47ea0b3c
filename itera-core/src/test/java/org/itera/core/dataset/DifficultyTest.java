package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DifficultyTest {

    @Test
    void theDefaultIsOneAdditionOfOneDigitNumbers() {
        assertThat(Difficulty.DEFAULT).isEqualTo(new Difficulty(1, 1, EnumSet.of(Operation.PLUS)));
        assertThat(Difficulty.DEFAULT).hasToString("d1s1-add");
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
    void everyOperationMixReadsBackFromItsText() {
        int checked = 0;
        for (Set<Operation> mix : operationMixes()) {
            for (int steps = Difficulty.MIN_STEPS; steps <= Difficulty.MAX_STEPS; steps++) {
                if (steps > 1 && mix.equals(Set.of(Operation.MINUS))) {
                    continue;
                }
                Difficulty d = new Difficulty(2, steps, mix);
                assertThat(Difficulty.parse(d.toString())).isEqualTo(d);
                assertThat(d.operations()).isEqualTo(mix);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6 * 4 + 1);
    }

    @Test
    void operationsAreWrittenAsASuffixInAFixedOrderAndOmittedWhenAllAreAllowed() {
        assertThat(new Difficulty(1, 1, EnumSet.of(Operation.PLUS))).hasToString("d1s1-add");
        assertThat(new Difficulty(1, 2, EnumSet.of(Operation.TIMES, Operation.PLUS))).hasToString("d1s2-add-mul");
        assertThat(Difficulty.parse("d1s2-sub-add")).hasToString("d1s2-add-sub");
        assertThat(Difficulty.parse("D1S1-ADD-SUB-MUL")).isEqualTo(new Difficulty(1, 1)).hasToString("d1s1");
        assertThat(Difficulty.parse("d1s1").allOperations()).isTrue();
        assertThat(Difficulty.parse("d1s1-add").allOperations()).isFalse();
    }

    @Test
    void theOperationsCannotBeChangedFromOutside() {
        Set<Operation> mix = EnumSet.of(Operation.PLUS);
        Difficulty d = new Difficulty(1, 1, mix);
        mix.add(Operation.TIMES);

        assertThat(d.operations()).containsExactly(Operation.PLUS);
        assertThatThrownBy(() -> d.operations().add(Operation.MINUS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d1s1-div", "d1s1-plus"})
    void anUnknownOperationIsRefusedNamingTheKnownOnes(String text) {
        assertThatThrownBy(() -> Difficulty.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown operation").hasMessageContaining("add, sub or mul");
    }

    @Test
    void anOperationGivenTwiceIsRefused() {
        assertThatThrownBy(() -> Difficulty.parse("d1s1-add-add"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'add' given twice");
    }

    @Test
    void subtractionAloneIsRefusedForMoreThanOneStep() {
        assertThat(Difficulty.parse("d2s1-sub").operations()).containsExactly(Operation.MINUS);
        assertThatThrownBy(() -> Difficulty.parse("d2s2-sub"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one step only");
        assertThatThrownBy(() -> new Difficulty(1, 1, EnumSet.noneOf(Operation.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one operation");
    }

    /** The seven non-empty sets of operations. */
    static List<Set<Operation>> operationMixes() {
        List<Set<Operation>> mixes = new ArrayList<>();
        Operation[] ops = Operation.values();
        for (int bits = 1; bits < 1 << ops.length; bits++) {
            Set<Operation> mix = EnumSet.noneOf(Operation.class);
            for (int i = 0; i < ops.length; i++) {
                if ((bits & 1 << i) != 0) {
                    mix.add(ops[i]);
                }
            }
            mixes.add(mix);
        }
        return mixes;
    }

    @Test
    void parsingIgnoresCaseAndSurroundingSpace() {
        assertThat(Difficulty.parse(" D3S2 ")).isEqualTo(new Difficulty(3, 2));
        assertThat(Difficulty.parse("d06s04")).isEqualTo(new Difficulty(6, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d2", "s1", "2s1", "d2s", "d2 s1", "d-1s1", "dxs1", "d2s1x", "d123s1", "d2s1.5",
        "d1s1-", "d1s1--add", "d1s1-add-", "d1s1add", "d1s1-a1"})
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
