package org.itera.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoExtractionTest {

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("Answer: yes", "yes"),
                Arguments.of("Answer: Yes.", "yes"),
                Arguments.of("**Answer: maybe**", "maybe"),
                Arguments.of("Final answer: No, because the difference was not significant.", "no"),
                Arguments.of("The answer is yes.", "yes"),
                Arguments.of("Answer: NO", "no"),
                Arguments.of("**Answer:** Maybe", "maybe"),
                Arguments.of("\\boxed{yes}", "yes"),
                Arguments.of("$\\boxed{\\text{no}}$", "no"),
                Arguments.of("Answer: likely yes", "yes"),
                Arguments.of("Answer: \"no\"", "no"),
                Arguments.of("The correct answer is: no.", "no"),
                Arguments.of("Answer: (yes)", "yes"),
                Arguments.of("Answer: Maybe - the data are inconclusive.", "maybe"),
                Arguments.of("The answer is no", "no"),
                Arguments.of("Final Answer\nyes", "yes"),
                Arguments.of("Yes.", "yes"),
                Arguments.of("no", "no"),
                Arguments.of("Maybe", "maybe"),
                Arguments.of("In conclusion, no.", "no"),
                Arguments.of("No, the evidence does not support this.", "no"),
                Arguments.of("The results were mixed across subgroups.\nSo, maybe.", "maybe"),
                Arguments.of("The trial showed a clear benefit.\n"
                        + "Therefore, yes, tailored interventions increase mammography use.", "yes"),
                Arguments.of("The study randomised 1,099 women aged 50 and older.\n"
                        + "Telephone counselling raised on-schedule screening (71% vs 61%).\n\n"
                        + "Answer: yes", "yes"),
                Arguments.of("Answer: yes\n\nThe answer is based on the results section.", "yes"),
                Arguments.of("Answer: no\nOn reflection the effect is small.\nFinal answer: maybe", "maybe"),
                Arguments.of("Expert A says yes, expert B says no.\nAfter discussion we agree.\n"
                        + "**Final Answer**: No", "no"),
                Arguments.of("RESULTS show no benefit in the first year.\nThe answer is Yes, after year two.",
                        "yes"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("readable")
    void readsTheVerdict(String reply, String expected) {
        assertThat(AnswerExtractor.extract(AnswerFormat.YES_NO_MAYBE, reply)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "I am not sure.",
            "Answer:",
            "I cannot say yes or no.",
            "There is no significant difference between the groups.",
            "No significant difference was found between the groups.",
            "Answer: uncertain",
            "Answer: the data are inconclusive",
            "Yes, the intervention helped. However, the effect faded after one year.",
            "Whether the answer is yes or no depends on the subgroup.",
            "Answer: B",
            "Answer: It depends.",
            "The authors say yes and no in different places."})
    void findsNoVerdict(String reply) {
        assertThat(AnswerExtractor.extract(AnswerFormat.YES_NO_MAYBE, reply)).isEmpty();
    }
}
