package org.itera.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.grading.AnswerFormat;
import org.junit.jupiter.api.Test;

class PromptRendererTest {

    /** An expected answer no prompt text, question or prior output could contain by chance. */
    private static final String SECRET_ANSWER = "EXPECTED-ANSWER-7f3q9zx";

    private static final TaskEvent PUBMEDQA = new TaskEvent("pubmedqa/1", null, "pubmedqa",
            "Do statins lower the risk of delirium after surgery?", List.of("yes", "no", "maybe"),
            "Patients given statins had fewer episodes of delirium (p=0.03).", SECRET_ANSWER, null, null);
    private static final TaskEvent MMLU = new TaskEvent("mmlu/physics/1", null, "physics",
            "Which quantity is conserved in an elastic collision?",
            List.of(" Kinetic energy only ", "Momentum only", "Both", "Neither"), null, SECRET_ANSWER, null, null);
    private static final TaskEvent THEOREMQA = new TaskEvent("theoremqa/1", null, "physics",
            "  A 2 kg mass falls 5 m. What is its final speed in m/s?  ", null, null, SECRET_ANSWER, null, null);

    private final TeamCatalog catalog = TeamCatalog.standard();
    private final PromptRenderer renderer = new PromptRenderer(catalog.prompts());

    private static String outputOf(String role) {
        return "Output of the " + role + " here.";
    }

    /** Renders every role of the task's team, each given the outputs of all earlier roles. */
    private Map<String, List<ChatMessage>> renderAll(TeamDefinition team, TaskEvent task) {
        Map<String, String> outputs = new HashMap<>();
        Map<String, List<ChatMessage>> chats = new LinkedHashMap<>();
        for (RoleDefinition role : team.roles()) {
            chats.put(role.name(), renderer.messagesFor(team, role, task, outputs));
            outputs.put(role.name(), outputOf(role.name()));
        }
        return chats;
    }

    private static String user(List<ChatMessage> chat) {
        return chat.get(1).content();
    }

    private static TaskEvent withSubject(TaskEvent task, String subject) {
        return new TaskEvent(task.id(), task.setting(), subject, task.question(), task.choices(), task.context(),
                task.answer(), task.split(), task.round());
    }

    @Test
    void aChatIsTheRolesSystemPromptThenItsUserPrompt() {
        TeamDefinition team = catalog.team("pubmedqa");
        RoleDefinition analyst = team.role("analyst").orElseThrow();

        List<ChatMessage> chat = renderer.messagesFor(team, analyst, PUBMEDQA, Map.of());

        assertThat(chat).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(chat.get(0).content()).isEqualTo(catalog.prompts().text(analyst.systemPrompt()).strip())
                .startsWith("You are a context analyst");
    }

    @Test
    void pubMedQaPromptsCarryTheContextAndTheYesNoMaybeChoices() {
        Map<String, List<ChatMessage>> chats = renderAll(catalog.team("pubmedqa"), PUBMEDQA);
        String analyst = user(chats.get("analyst"));
        String solver = user(chats.get("solver"));

        assertThat(analyst).startsWith("Question: Do statins lower the risk of delirium after surgery?")
                .contains("Context:\nPatients given statins had fewer episodes of delirium (p=0.03).\n\n")
                .doesNotContain("###");
        assertThat(solver).contains(PUBMEDQA.question())
                .contains("Context:\nPatients given statins")
                .contains("Possible answers: yes, no, maybe\n")
                .doesNotContain("A. yes", "Options:")
                .contains("### Context analyst's summary\n" + outputOf("analyst"))
                .endsWith(AnswerFormat.YES_NO_MAYBE.instruction(PUBMEDQA));
        assertThat(analyst).doesNotContain(AnswerFormat.YES_NO_MAYBE.instruction(PUBMEDQA), "Answer: yes");
    }

    @Test
    void mmluPromptsLetterTheFourChoicesAndHaveNoContext() {
        Map<String, List<ChatMessage>> chats = renderAll(catalog.team("physics"), MMLU);
        String options = "Options:\nA. Kinetic energy only\nB. Momentum only\nC. Both\nD. Neither\n\n";

        for (String role : List.of("physicist", "mathematician", "synthesizer")) {
            assertThat(user(chats.get(role))).as(role)
                    .contains(MMLU.question())
                    .contains(options)
                    .doesNotContain("Context:", "Possible answers");
        }
        assertThat(user(chats.get("synthesizer")))
                .endsWith(AnswerFormat.LETTER.instruction(MMLU))
                .contains("(A, B, C or D)");
    }

    @Test
    void theoremQaPromptsHaveNeitherOptionsNorContextAndAskForANumber() {
        Map<String, List<ChatMessage>> chats = renderAll(catalog.team("physics"), THEOREMQA);

        for (List<ChatMessage> chat : chats.values()) {
            assertThat(user(chat)).startsWith("Problem:\nA 2 kg mass falls 5 m. What is its final speed in m/s?\n\n")
                    .doesNotContain("Options:", "Context:", "Possible answers", "A. ");
        }
        assertThat(user(chats.get("synthesizer"))).endsWith(AnswerFormat.NUMBER.instruction(THEOREMQA));
    }

    @Test
    void eachRoleSeesTheEarlierOutputsItNamesUnderTheirTitles() {
        Map<String, List<ChatMessage>> chats = renderAll(catalog.team("physics"), THEOREMQA);
        String physicist = "### Physicist's analysis\n" + outputOf("physicist");
        String mathematician = "### Mathematician's solution\n" + outputOf("mathematician");

        assertThat(user(chats.get("physicist"))).doesNotContain("###", outputOf("physicist"));
        assertThat(user(chats.get("mathematician"))).contains(physicist).doesNotContain(mathematician);
        assertThat(user(chats.get("synthesizer"))).contains(physicist + "\n\n" + mathematician + "\n\n");
    }

    @Test
    void outputsOfRolesNotInSeesAreLeftOut() {
        TeamDefinition team = catalog.team("physics");
        Map<String, String> everything = Map.of("physicist", outputOf("physicist"),
                "mathematician", outputOf("mathematician"), "synthesizer", outputOf("synthesizer"));

        String physicist = user(renderer.messagesFor(team, team.role("physicist").orElseThrow(), MMLU, everything));
        String mathematician = user(renderer.messagesFor(team, team.role("mathematician").orElseThrow(), MMLU,
                everything));

        assertThat(physicist).doesNotContain(outputOf("physicist"), outputOf("mathematician"), "###");
        assertThat(mathematician).contains(outputOf("physicist"))
                .doesNotContain(outputOf("mathematician"), outputOf("synthesizer"), "### Final answer");
    }

    @Test
    void aRoleThatSkipsAnEarlierRoleDoesNotSeeIt() {
        TeamDefinition team = new TeamDefinition("physics", "skip test", List.of(
                new RoleDefinition("physicist", "Physicist's analysis", "prompts/physics/physicist.system.txt",
                        "prompts/physics/physicist.user.txt", List.of()),
                new RoleDefinition("mathematician", "Mathematician's solution",
                        "prompts/shared/mathematician.system.txt", "prompts/shared/mathematician.user.txt",
                        List.of("physicist")),
                new RoleDefinition("synthesizer", "Final answer", "prompts/shared/synthesizer.system.txt",
                        "prompts/shared/synthesizer.user.txt", List.of("mathematician"))));

        String synthesizer = user(renderAll(team, THEOREMQA).get("synthesizer"));

        assertThat(synthesizer).contains("### Mathematician's solution\n" + outputOf("mathematician"))
                .doesNotContain("Physicist's analysis", outputOf("physicist"));
    }

    @Test
    void aSeenRoleThatHasNotSpokenIsAnError() {
        TeamDefinition team = catalog.team("physics");
        RoleDefinition synthesizer = team.role("synthesizer").orElseThrow();
        Map<String, String> onlyPhysicist = Map.of("physicist", outputOf("physicist"));

        assertThatThrownBy(() -> renderer.messagesFor(team, synthesizer, THEOREMQA, onlyPhysicist))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("synthesizer")
                .hasMessageContaining("mathematician");
    }

    @Test
    void theAnswerInstructionIsOnlyInTheFinalRolesPrompt() {
        for (TeamDefinition team : catalog.teams()) {
            for (TaskEvent kind : List.of(PUBMEDQA, MMLU, THEOREMQA)) {
                TaskEvent task = withSubject(kind, team.subject());
                AnswerFormat format = AnswerFormat.forTask(task);
                String instruction = format.instruction(task);
                String shortInstruction = format.shortInstruction(task);
                renderAll(team, task).forEach((role, chat) -> {
                    String all = chat.get(0).content() + "\n" + chat.get(1).content();
                    if (team.isFinal(team.role(role).orElseThrow())) {
                        assertThat(all).as("%s/%s", team.subject(), role)
                                .containsAnyOf(instruction, shortInstruction);
                    } else {
                        assertThat(all).as("%s/%s", team.subject(), role)
                                .doesNotContain(instruction, shortInstruction, "Finish with a last line", "End with:");
                    }
                });
            }
        }
    }

    @Test
    void noPlaceholderIsLeftAndTheExpectedAnswerIsNeverShown() {
        int rendered = 0;
        for (TeamDefinition team : catalog.teams()) {
            for (TaskEvent kind : List.of(PUBMEDQA, MMLU, THEOREMQA)) {
                TaskEvent task = withSubject(kind, team.subject());
                for (Map.Entry<String, List<ChatMessage>> chat : renderAll(team, task).entrySet()) {
                    for (ChatMessage message : chat.getValue()) {
                        assertThat(message.content()).as("%s/%s %s", team.subject(), chat.getKey(), message.role())
                                .isNotBlank()
                                .doesNotContain("{{", "}}")
                                .doesNotContain(SECRET_ANSWER);
                        rendered++;
                    }
                }
            }
        }
        assertThat(rendered).isEqualTo(2 * 3 * (13 + 16)); // the five teams' 13 roles, the variants' 16
    }

    @Test
    void theQuestionIsFilledInEveryRolesPrompt() {
        for (TeamDefinition team : catalog.teams()) {
            TaskEvent task = withSubject(MMLU, team.subject());
            renderAll(team, task).forEach((role, chat) ->
                    assertThat(user(chat)).as("%s/%s", team.subject(), role).contains(MMLU.question()));
        }
    }

    @Test
    void blocksAreEmptyWhenTheTaskHasNoSuchPart() {
        TaskEvent blankContext = new TaskEvent("t", null, "physics", "q", List.of(), "   ", "1", null, null);

        assertThat(PromptRenderer.contextBlock(blankContext)).isEmpty();
        assertThat(PromptRenderer.choicesBlock(blankContext, AnswerFormat.NUMBER)).isEmpty();
        assertThat(PromptRenderer.contextBlock(PUBMEDQA)).isEqualTo("Context:\n" + PUBMEDQA.context() + "\n\n");
    }
}
