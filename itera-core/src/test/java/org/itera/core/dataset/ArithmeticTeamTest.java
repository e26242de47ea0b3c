package org.itera.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.grading.AnswerFormat;
import org.itera.core.grading.Grader;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic team, its prompts on generated tasks, and how its answers are graded. */
class ArithmeticTeamTest {

    private final TeamCatalog catalog = TeamCatalog.standard();
    private final TeamRunner runner = new TeamRunner(catalog);

    private static TaskEvent task(String answer) {
        return new TaskEvent("arithmetic/t", null, "arithmetic", "A shop has 999 bottles of juice.", null, null,
                answer, null, null);
    }

    /** Records each role's chat and answers with a scripted output. */
    private static final class Scripted implements org.itera.core.team.AgentCaller {
        final List<List<ChatMessage>> chats = new ArrayList<>();
        final String calculation;
        final String report;

        Scripted(String calculation, String report) {
            this.calculation = calculation;
            this.report = report;
        }

        @Override
        public Turn call(String agentId, String role, List<ChatMessage> messages) {
            chats.add(messages);
            String output = role.equals("calculator") ? calculation : report;
            return new Turn(role, "smollm2-135m", messages, output, TokenUsage.NONE, 1);
        }
    }

    @Test
    void theTeamIsACalculatorThenAReporterThatSeesIt() {
        TeamDefinition team = catalog.team("arithmetic");

        assertThat(catalog.subjects()).contains("arithmetic");
        assertThat(team.roleNames()).containsExactly("calculator", "reporter");
        assertThat(team.finalRole().name()).isEqualTo("reporter");
        assertThat(team.role("reporter").orElseThrow().sees()).containsExactly("calculator");
        assertThat(team.agentId("calculator")).isEqualTo("arithmetic-calculator");
        assertThat(team.roles()).extracting(RoleDefinition::systemPrompt)
                .allSatisfy(path -> assertThat(path).startsWith("prompts/arithmetic/"));
    }

    @Test
    void promptsAreShortForASmallModel() {
        for (RoleDefinition role : catalog.team("arithmetic").roles()) {
            String system = catalog.prompts().text(role.systemPrompt()).strip();
            String user = catalog.prompts().text(role.userPrompt()).strip();
            assertThat(system).as(role.systemPrompt()).hasSizeLessThan(160).doesNotContain("\n");
            assertThat(user.replaceAll("\\{\\{[a-z_]+}}", "")).as(role.userPrompt()).hasSizeLessThan(60);
        }
    }

    @Test
    void promptsOfGeneratedTasksAreFilledAndNeverShowTheAnswer() {
        int checked = 0;
        for (Problem p : ArithmeticProblems.problems(new Difficulty(3, 3), 99, 200)) {
            if (p.question().contains(p.answerText())) {
                continue; // the answer occurs in the question by chance (e.g. 40 - 20 = 20)
            }
            TaskEvent task = p.toTask("train");
            Scripted caller = new Scripted("Work for " + p.id(), "Answer: " + p.answerText());
            runner.run(task, caller);

            assertThat(caller.chats).hasSize(2);
            for (List<ChatMessage> chat : caller.chats) {
                assertThat(chat).extracting(ChatMessage::role).containsExactly("system", "user");
                for (ChatMessage message : chat) {
                    assertThat(message.content()).as(p.id()).isNotBlank().doesNotContain("{{", "}}")
                            .doesNotContain(p.answerText());
                }
            }
            String calculator = caller.chats.get(0).get(1).content();
            String reporter = caller.chats.get(1).get(1).content();
            assertThat(calculator).isEqualTo("Problem:\n" + p.question() + "\n\nWork it out step by step.");
            assertThat(calculator).doesNotContain("Answer:");
            assertThat(reporter).startsWith("Problem:\n" + p.question() + "\n\n")
                    .contains("### Calculation\nWork for " + p.id())
                    .endsWith("Give the final number. End with: Answer: <number>");
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void arithmeticTasksAreGradedAsIntegers() {
        TaskEvent task = ArithmeticProblems.problem(new Difficulty(2, 1), 7, 1).toTask("test");

        assertThat(AnswerFormat.forTask(task)).isEqualTo(AnswerFormat.NUMBER);
        assertThat(task.answer()).isEqualTo("69");
        assertThat(Grader.grade(task, "47 + 22 = 69\nAnswer: 69").correct()).isTrue();
        assertThat(Grader.grade(task, "Answer: 68").correct()).isFalse();
        assertThat(Grader.grade(task, "I am not sure how many boxes there are.").correct()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234 | Answer: 1,234               | true",
        "1234 | Answer: 1234                | true",
        "1234 | 1200 + 34 = 1234\\nAnswer: 1234. | true",
        "1234 | Answer: 1235                | false",
        "1234 | Answer: 1233                | false",
        "1234 | Answer: 1234.5              | false",
        "1234 | Answer: 12340               | false",
        "0    | Answer: 0                   | true",
        "0    | Answer: 1                   | false",
        "395  | I think 79 * 5 = 395.\\nAnswer: 395 | true",
        "395  | Answer: 396                 | false",
    })
    void integerAnswersAreComparedExactly(String expected, String output, boolean correct) {
        Grade grade = Grader.grade(task(expected), output.replace("\\n", "\n"));

        assertThat(grade.correct()).as("%s vs %s: %s", expected, output, grade).isEqualTo(correct);
    }

    @Test
    void aScriptedRightAnswerIsCorrectAndOneOffIsWrong() {
        for (Problem p : ArithmeticProblems.problems(new Difficulty(4, 2), 5, 100)) {
            TaskEvent task = p.toTask("train");
            List<Turn> right = runner.run(task, new Scripted(p.expression() + " = " + p.answer(),
                    "The result is " + p.answer() + ".\nAnswer: " + String.format(java.util.Locale.ROOT, "%,d", p.answer())));
            List<Turn> wrong = runner.run(task, new Scripted("...", "Answer: " + (p.answer() + 1)));

            assertThat(Grader.grade(task, right.get(1).output()).correct()).as(p.id()).isTrue();
            assertThat(Grader.grade(task, wrong.get(1).output()).correct()).as(p.id()).isFalse();
        }
    }
}
