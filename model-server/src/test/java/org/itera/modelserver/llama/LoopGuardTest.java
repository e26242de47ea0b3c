package org.itera.modelserver.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopGuardTest {

    @Test
    void aLineWrittenThreeTimesInARowIsALoopAtTheEndOfItsThirdCopy() {
        LoopGuard guard = new LoopGuard();

        assertThat(guard.loopsAfter("12 + 5 = 17\nThe answer is 17.\n\n")).isFalse();
        assertThat(guard.loopsAfter("The answer is 17.\n\nThe answer is 17.")).isFalse();
        assertThat(guard.loopsAfter("\n")).isTrue();
    }

    @Test
    void aLineWrittenTwiceIsNotALoop() {
        assertThat(feed("#### 2\n#### 2\nAnswer: 2\n")).isFalse();
    }

    @Test
    void blankLinesAndSurroundingSpacesDoNotHideALoop() {
        assertThat(feed("  #### 2\n\n\n#### 2   \n\t#### 2\n")).isTrue();
    }

    @Test
    void aBlockOfLinesWrittenTwiceInARowIsALoop() {
        String block = "The correct answer is: 14\nThe team's final answer was wrong.\n\n";

        assertThat(feed(block)).isFalse();
        assertThat(feed(block + block)).isTrue();
    }

    @Test
    void aLongBlockWrittenTwiceIsALoopUpToSixteenLines() {
        assertThat(feed(countingLines(16) + countingLines(16))).isTrue();
        assertThat(feed(countingLines(17) + countingLines(17))).isFalse();
    }

    @Test
    void aWorkedSolutionWithRepeatedNumbersButDistinctLinesRunsOn() {
        String solution = """
                5 + 4 = 9
                9 + 4 = 13
                13 - 4 = 9
                9 + 4 = 13
                Answer: 13
                """;

        assertThat(feed(solution)).isFalse();
    }

    @Test
    void aLineCountsOnlyOnceItIsComplete() {
        LoopGuard guard = new LoopGuard();

        for (String piece : List.of("go\n", "go\n", "g", "o")) {
            assertThat(guard.loopsAfter(piece)).isFalse();
        }
        assertThat(guard.loopsAfter(" on\n")).as("the third line is 'go on'").isFalse();
        assertThat(guard.loopsAfter("go on\ngo on\n")).isTrue();
    }

    private static boolean feed(String text) {
        return new LoopGuard().loopsAfter(text);
    }

    private static String countingLines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append("Step ").append(i).append(": add one.\n");
        }
        return lines.toString();
    }
}
