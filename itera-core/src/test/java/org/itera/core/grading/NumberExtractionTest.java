package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberExtractionTest {

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("Answer: 72", "72"),
                Arguments.of("\\boxed{42}", "42"),
                Arguments.of("$\\boxed{3.5 \\times 10^{-8}}$", "3.5E-8"),
                Arguments.of("Answer: 1,234", "1234"),
                Arguments.of("#### 72", "72"),
                Arguments.of("Answer: $72.00", "72"),
                Arguments.of("Answer: -3", "-3"),
                Arguments.of("Answer: 3.5e-08", "3.5E-8"),
                Arguments.of("Answer: 2.0 \\times 10^{-3} m", "0.002"),
                Arguments.of("Answer: 45%", "45"),
                Arguments.of("Answer: 1/2", "0.5"),
                Arguments.of("Answer: [2.0, 1.32]", "[2, 1.32]"),
                Arguments.of("The final answer is 18.", "18"),
                Arguments.of("**Answer:** 0.955", "0.955"),
                Arguments.of("Final Answer: The period is approximately 0.31 s", "0.31"),
                Arguments.of("Answer: v = 42 m/s", "42"),
                Arguments.of("Answer: T = 2\\pi\\sqrt{m/k} = 1.26 s", "1.26"),
                Arguments.of("Answer: approximately 4.2", "4.2"),
                Arguments.of("Answer: \\frac{3}{4}", "0.75"),
                Arguments.of("Answer: 3.54 × 10⁻⁷", "3.54E-7"),
                Arguments.of("Answer: 4.63e8", "463000000"),
                Arguments.of("Answer: 10^{-24}", "1E-24"),
                Arguments.of("Answer: 3e-36 J", "3E-36"),
                Arguments.of("Final answer: -0.3", "-0.3"),
                Arguments.of("Answer: 5630.0 N", "5630"),
                Arguments.of("The answer is \\boxed{\\$18}.", "18"),
                Arguments.of("Answer: 12 dollars\n\nI hope this helps!", "12"),
                Arguments.of("Answer: 7\nWait, I forgot the tax.\nFinal answer: 8", "8"),
                Arguments.of("Answer: 2.37 (rounded to two decimals)", "2.37"),
                Arguments.of("Answer: −5", "-5"),
                Arguments.of("Answer: 0.5 \\text{ m}", "0.5"),
                Arguments.of("Answer: 1\\,020", "1020"),
                Arguments.of("Answer: 81,600", "81600"),
                Arguments.of("Answer: [0.0259, 0.00505]", "[0.0259, 0.00505]"),
                Arguments.of("Answer: 9.8 m/s^2", "9.8"),
                Arguments.of("Answer: 48 + 24 = 72", "72"),
                Arguments.of("Answer: 72 (48 + 24 = 72)", "72"),
                Arguments.of("Answer: 0.31 s (T = 2\\pi\\sqrt{m/k})", "0.31"),
                Arguments.of("Answer: 3.0 × 10^8 m/s", "300000000"),
                Arguments.of("Answer: 6.02 x 10^23", "6.02E23"),
                Arguments.of("Answer: -10^{-3}", "-0.001"),
                Arguments.of("Answer: [2.0 kVAR, 1.32 kVA]", "[2, 1.32]"),
                Arguments.of("The current is I = V/R = 12/4 = 3 A.", "3"),
                Arguments.of("Therefore, the speed is about 42 m/s.", "42"),
                Arguments.of("72", "72"),
                Arguments.of("$10", "10"),
                Arguments.of("approximately 0.31 s.", "0.31"),
                Arguments.of("So she sold 48 + 24 = 72 clips altogether.", "72"),
                Arguments.of("The total cost is $1,250.", "1250"),
                Arguments.of("Natalia sold 48 / 2 = 24 clips in May.\n"
                        + "Altogether she sold 48 + 24 = 72 clips.\n"
                        + "Answer: 72", "72"),
                Arguments.of("Weng earns 12/60 = $0.2 per minute.\n"
                        + "Working 50 minutes, she earned 0.2 x 50 = $10.\n#### 10", "10"),
                Arguments.of("Step 1: P = 1.5 kW and cos(phi) = 0.75.\n"
                        + "Step 2: S = P / 0.75 = 2.0 kVA, Q = sqrt(S^2 - P^2) = 1.32 kVAR.\n"
                        + "Final answer: [2.0, 1.32]", "[2, 1.32]"),
                Arguments.of("We use E = hc / lambda.\nThe energy is therefore 3.5 \\times 10^{-8} J.",
                        "3.5E-8"),
                Arguments.of("Using v = f lambda, the wavelength is\n$$\\boxed{0.038 \\text{ m}}$$", "0.038"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("readable")
    void readsTheFinalNumber(String reply, String expected) {
        assertThat(AnswerExtractor.extract(AnswerFormat.NUMBER, reply)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "I am not sure.",
            "Answer:",
            "Answer: none",
            "Answer: not enough information",
            "Answer: N/A",
            "Answer: \\boxed{}",
            "The question does not give enough information to compute the speed.",
            "The car travels 30 m in the first 5 s and then stops.",
            "Step 1: find the mass.\nStep 2: find the acceleration.\nI could not finish the calculation.",
            "There are 3 cases to consider, and I am unsure which one applies here.",
            "#### Step 2",
            "The final answer is unknown.",
            "I computed 12 and then 15, but neither seems right to me.",
            "After 3 years the account holds 1200 dollars."})
    void findsNoNumber(String reply) {
        assertThat(AnswerExtractor.extract(AnswerFormat.NUMBER, reply)).isEmpty();
    }
}
