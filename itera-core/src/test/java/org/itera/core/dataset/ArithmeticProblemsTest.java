package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.task.TaskValidator;
import org.itera.core.team.TeamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArithmeticProblemsTest {

    /** The difficulty these tests pin their expectations to (ids, wording, repeat rates). */
    static final Difficulty D2S1 = new Difficulty(2, 1);

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @TempDir
    Path dir;

    static Stream<Difficulty> allDifficulties() {
        List<Difficulty> all = new ArrayList<>();
        for (int digits = 1; digits <= 6; digits++) {
            for (int steps = 1; steps <= 4; steps++) {
                all.add(new Difficulty(digits, steps));
            }
        }
        return all.stream();
    }

    // ---- determinism -------------------------------------------------------------------------

    @Test
    void theSameSeedAndDifficultyGiveTheSameProblems() {
        for (Difficulty d : List.of(D2S1, new Difficulty(4, 3))) {
            assertThat(ArithmeticProblems.problems(d, 7, 200)).isEqualTo(ArithmeticProblems.problems(d, 7, 200));
        }
    }

    @Test
    void theSameArgumentsWriteTheSameBytes() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");

        ArithmeticProblems.writeJsonl(a, new Difficulty(3, 2), 42, 300, "train");
        ArithmeticProblems.writeJsonl(b, new Difficulty(3, 2), 42, 300, "train");

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isNotEmpty();
    }

    @Test
    void aProblemDependsOnlyOnItsDifficultySeedAndIndex() {
        List<Problem> first = ArithmeticProblems.problems(D2S1, 3, 60);
        List<Problem> later = ArithmeticProblems.problems(D2S1, 3, 40, 20);

        assertThat(later).isEqualTo(first.subList(40, 60));
        assertThat(ArithmeticProblems.problem(D2S1, 3, 17)).isEqualTo(first.get(17));
    }

    /**
     * Pins the first problems of the default difficulty with seed 7: a dataset written today must
     * read the same tomorrow. If the wording or the number generation is changed on purpose,
     * update these lines (and expect earlier datasets to differ).
     */
    @Test
    void theWordingOfKnownProblemsIsStable() {
        List<Problem> problems = ArithmeticProblems.problems(new Difficulty(2, 1), 7, 2);

        assertThat(problems.get(0).question()).isEqualTo("A teacher has 79 erasers. The number of erasers the "
                + "teacher has becomes 5 times as large. How many erasers does the teacher have in the end?");
        assertThat(problems.get(0).answer()).isEqualTo(395);
        assertThat(problems.get(1).question()).isEqualTo("There are 47 boxes in a warehouse. A truck delivers 22 "
                + "more boxes. How many boxes are in the warehouse now?");
        assertThat(problems.get(1).answer()).isEqualTo(69);
    }

    @Test
    void differentSeedsGiveDifferentProblems() {
        List<String> one = questions(ArithmeticProblems.problems(D2S1, 1, 50));
        List<String> two = questions(ArithmeticProblems.problems(D2S1, 2, 50));

        assertThat(one).isNotEqualTo(two);
        Set<String> shared = new HashSet<>(one);
        shared.retainAll(two);
        assertThat(shared).hasSizeLessThan(3);
    }

    @Test
    void differentDifficultiesWithTheSameSeedGiveDifferentProblems() {
        List<String> easy = questions(ArithmeticProblems.problems(new Difficulty(2, 2), 1, 20));
        List<String> harder = questions(ArithmeticProblems.problems(new Difficulty(3, 2), 1, 20));

        assertThat(easy).doesNotContainAnyElementsOf(harder);
    }

    @Test
    void aLargeSetHasFewRepeatedQuestions() {
        List<String> questions = questions(ArithmeticProblems.problems(D2S1, 11, 1000));

        assertThat(new HashSet<>(questions)).hasSizeGreaterThan(990);
    }

    // ---- difficulty --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("allDifficulties")
    void operandsAndStepsFollowTheDifficulty(Difficulty d) {
        for (Problem p : ArithmeticProblems.problems(d, 5, 300)) {
            assertThat(p.difficulty()).isEqualTo(d);
            assertThat(p.steps()).as(p.question()).hasSize(d.steps());
            assertThat(digitCount(p.start())).as("start of %s", p.id()).isEqualTo(d.digits());
            assertThat(p.start()).isGreaterThanOrEqualTo(2);
            for (Step step : p.steps()) {
                if (step.operation() == Operation.TIMES) {
                    assertThat(step.operand()).as("multiplier in %s", p.id()).isBetween(2L, 9L);
                } else {
                    assertThat(digitCount(step.operand())).as("operand in %s", p.id()).isEqualTo(d.digits());
                    assertThat(step.operand()).isGreaterThanOrEqualTo(2);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allDifficulties")
    void answersAreCorrectAndNoAmountIsEverNegative(Difficulty d) {
        for (Problem p : ArithmeticProblems.problems(d, 9, 300)) {
            long amount = p.start();
            for (Step step : p.steps()) {
                amount = switch (step.operation()) {
                    case PLUS -> amount + step.operand();
                    case MINUS -> amount - step.operand();
                    case TIMES -> amount * step.operand();
                };
                assertThat(amount).as("running amount of %s", p.id()).isNotNegative();
            }
            assertThat(p.answer()).as(p.question()).isEqualTo(amount).isNotNegative();
            assertThat(Evaluator.evaluate(p.expression())).as(p.expression()).isEqualTo(p.answer());
            assertThat(p.answerText()).matches("0|[1-9]\\d*").isEqualTo(Long.toString(amount));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allDifficulties")
    void theTextTellsExactlyTheNumbersOfTheProblemInOrder(Difficulty d) {
        for (Problem p : ArithmeticProblems.problems(d, 13, 200)) {
            List<Long> expected = new ArrayList<>();
            expected.add(p.start());
            p.steps().forEach(step -> expected.add(step.operand()));

            assertThat(numbersIn(p.question())).as(p.question()).isEqualTo(expected);
        }
    }

    @Test
    void everyOperationIsUsedAndSubtractionCanReachZero() {
        Set<Operation> seen = EnumSet.noneOf(Operation.class);
        boolean zero = false;
        for (Problem p : ArithmeticProblems.problems(new Difficulty(1, 1), 2, 500)) {
            p.steps().forEach(s -> seen.add(s.operation()));
            zero |= p.answer() == 0;
        }
        assertThat(seen).containsExactlyInAnyOrder(Operation.values());
        assertThat(zero).isTrue();
    }

    @Test
    void theExpressionKeepsTheOrderOfOperationsWithParentheses() {
        Problem p = new Problem(D2S1, 0, 0, "q", 23,
                List.of(new Step(Operation.PLUS, 14), new Step(Operation.TIMES, 3), new Step(Operation.MINUS, 5),
                        new Step(Operation.TIMES, 2)), 212);

        assertThat(p.expression()).isEqualTo("((23 + 14) * 3 - 5) * 2");
        assertThat(Evaluator.evaluate(p.expression())).isEqualTo(212);
        assertThat(new Problem(D2S1, 0, 0, "q", 4,
                List.of(new Step(Operation.TIMES, 3), new Step(Operation.TIMES, 2)), 24).expression())
                .isEqualTo("4 * 3 * 2");
    }

    // ---- text --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("allDifficulties")
    void questionsAreTidyEnglishSentencesEndingInOneQuestion(Difficulty d) {
        for (Problem p : ArithmeticProblems.problems(d, 21, 100)) {
            String q = p.question();
            assertThat(q).as(q)
                    .startsWith(q.substring(0, 1).toUpperCase())
                    .endsWith("?")
                    .doesNotContain("{", "}", "  ", " .", "..", "\n")
                    .contains("How many ");
            assertThat(q.chars().filter(c -> c == '?').count()).as(q).isEqualTo(1);
            assertThat(q.split("(?<=[.?]) ")).as(q).hasSize(d.steps() + 2)
                    .allSatisfy(sentence -> assertThat(Character.isUpperCase(sentence.charAt(0))
                            || Character.isDigit(sentence.charAt(0))).as(sentence).isTrue());
        }
    }

    @Test
    void theWordingVaries() {
        Set<String> openings = new HashSet<>();
        Set<String> questions = new HashSet<>();
        for (Problem p : ArithmeticProblems.problems(new Difficulty(2, 3), 4, 300)) {
            openings.add(NUMBER.matcher(p.question().substring(0, p.question().indexOf('.'))).replaceAll("N"));
            questions.add(p.question().substring(p.question().lastIndexOf(". ") + 2));
        }
        assertThat(openings).hasSizeGreaterThan(30);
        assertThat(questions).hasSizeGreaterThan(10);
    }

    // ---- ids and tasks -----------------------------------------------------------------------

    private static List<String> questions(List<Problem> problems) {
        return problems.stream().map(Problem::question).toList();
    }

    private static int digitCount(long n) {
        return Long.toString(n).length();
    }

    private static List<Long> numbersIn(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Long.parseLong(m.group()));
        }
        return out;
    }

    /** A small evaluator of + - * and parentheses, independent of the generator. */
    static final class Evaluator {
        private final String s;
        private int pos;

        private Evaluator(String s) {
            this.s = s.replace(" ", "");
        }

        static long evaluate(String expression) {
            Evaluator e = new Evaluator(expression);
            long value = e.sum();
            if (e.pos != e.s.length()) {
                throw new IllegalArgumentException("trailing text in " + expression);
            }
            return value;
        }

        private long sum() {
            long value = product();
            while (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                char op = s.charAt(pos++);
                long right = product();
                value = op == '+' ? value + right : value - right;
            }
            return value;
        }

        private long product() {
            long value = factor();
            while (pos < s.length() && s.charAt(pos) == '*') {
                pos++;
                value *= factor();
            }
            return value;
        }

        private long factor() {
            if (s.charAt(pos) == '(') {
                pos++;
                long value = sum();
                if (s.charAt(pos++) != ')') {
                    throw new IllegalArgumentException("missing ) in " + s);
                }
                return value;
            }
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            return Long.parseLong(s.substring(start, pos));
        }
    }
}
