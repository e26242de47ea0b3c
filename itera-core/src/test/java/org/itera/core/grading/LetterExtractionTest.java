package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LetterExtractionTest {

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("Answer: (B)", "B"),
                Arguments.of("Answer: B", "B"),
                Arguments.of("**Answer:** b", "B"),
                Arguments.of("**Final Answer**: C", "C"),
                Arguments.of("Final answer: B) 4", "B"),
                Arguments.of("The answer is B.", "B"),
                Arguments.of("Considering all options, the correct answer is (c)", "C"),
                Arguments.of("Answer: B. Because the volume is fixed, no work is done.", "B"),
                Arguments.of("$\\boxed{B}$", "B"),
                Arguments.of("So we get \\boxed{\\text{D}}", "D"),
                Arguments.of("Answer: A", "A"),
                Arguments.of("Answer: A because the impulses are equal and opposite.", "A"),
                Arguments.of("I think the answer is (A).", "A"),
                Arguments.of("Therefore, the final answer is C.", "C"),
                Arguments.of("Answer: Option C", "C"),
                Arguments.of("Answer: choice (d)", "D"),
                Arguments.of("ANSWER: C", "C"),
                Arguments.of("answer: d", "D"),
                Arguments.of("The best answer is B: constant volume.", "B"),
                Arguments.of("Answer: B Constant volume", "B"),
                Arguments.of("The answer is: C", "C"),
                Arguments.of("Answer: [C]", "C"),
                Arguments.of("Answer: *B*", "B"),
                Arguments.of("Answer: 'B'", "B"),
                Arguments.of("The answer is \\(\\boxed{A}\\).", "A"),
                Arguments.of("The correct option is A.", "A"),
                Arguments.of("So (C) is the correct answer.", "C"),
                Arguments.of("After ruling out A and D, option B is correct.", "B"),
                Arguments.of("(D).", "D"),
                Arguments.of("Let's analyse each option.\n"
                        + "A) Constant temperature: the internal energy does not change.\n"
                        + "B) Constant volume: W = 0, so dU = Q.\n"
                        + "C) Constant pressure: part of the heat does work.\n\n"
                        + "Answer: B", "B"),
                Arguments.of("Option A is tempting, but the data rule it out.\nAnswer: D", "D"),
                Arguments.of("Answer: B\n\nExplanation: the answer is based on Newton's third law.", "B"),
                Arguments.of("Answer: A\nWait, let me re-check the units.\n"
                        + "After rechecking, Final Answer: C", "C"),
                Arguments.of("Step 1: the bond order of NO2- is 1.5.\n\n### Final Answer\n(B)", "B"),
                Arguments.of("Final answer:\n\nC", "C"),
                Arguments.of("The Lewis structure has a lone pair on N, which compresses the angle.\n\nC",
                        "C"),
                Arguments.of("Expert 1 thinks A, expert 2 thinks C.\nWe agree with expert 2.\n"
                        + "**Answer: (C)**", "C"),
                Arguments.of("The answer is D", "D"),
                Arguments.of("I believe (B) is correct.", "B"),
                Arguments.of("My final answer is **B**", "B"),
                Arguments.of("Final Answer: $\\boxed{\\text{(B)}}$", "B"),
                Arguments.of("Answer: A) 0.5 m/s", "A"),
                Arguments.of("The answer is A, since the impulse is equal.", "A"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("readable")
    void readsTheFinalLetter(String reply, String expected) {
        assertThat(AnswerExtractor.extract(AnswerFormat.LETTER, reply)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   \n  ",
            "I am not sure.",
            "Answer:",
            "Answer:   \n",
            "A ball is thrown vertically upward with a speed of 10 m/s.",
            "Option B looks wrong, and C is also wrong",
            "Answer: E",
            "The answer is a bit tricky to determine without more data.",
            "I think B might be right, but C could also work.",
            "Answer: I don't know",
            "The answer is not obvious.",
            "Answer: none of the above",
            "Let me analyse each option.\nA) is wrong because momentum is conserved.\nB) is also questionable.",
            "B is not the correct answer.",
            "Answer: The velocity doubles.",
            "Answer: X-rays",
            "a lone article makes no answer"})
    void findsNoLetter(String reply) {
        assertThat(AnswerExtractor.extract(AnswerFormat.LETTER, reply)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Answer: F | 6 | F",
            "Answer: (e) | 5 | E",
            "The answer is B | 2 | B",
            "Answer: J | 10 | J"})
    void acceptsLettersUpToTheChoiceCount(String reply, int choices, String expected) {
        assertThat(AnswerExtractor.extract(AnswerFormat.LETTER, reply, choices)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Answer: F | 4",
            "Answer: E | 4",
            "Answer: C | 2",
            "Answer: K | 10"})
    void rejectsLettersBeyondTheChoiceCount(String reply, int choices) {
        assertThat(AnswerExtractor.extract(AnswerFormat.LETTER, reply, choices)).isEmpty();
    }
}
