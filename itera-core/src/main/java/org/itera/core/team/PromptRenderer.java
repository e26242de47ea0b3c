package org.itera.core.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.grading.AnswerFormat;

/**
 * Builds the chat a role is given for a task: its system prompt, and its user prompt with the task
 * and the outputs of the earlier roles it {@link RoleDefinition#sees() sees} filled in.
 *
 * <p>Placeholders: {@code {{question}}}, {@code {{context_block}}}, {@code {{choices_block}}},
 * {@code {{prior}}}, {@code {{answer_instruction}}} and {@code {{answer_instruction_short}}} (the
 * one-line form, for small models). Blocks are empty when the task has no such part, so one
 * template serves tasks with and without options or context. The answer format is the team's
 * ({@link TeamDefinition#answerFormatFor}). A role's further steps ({@link RoleDefinition#steps()})
 * are filled the same way, plus the values the step is given ({@code {{feedback}}}, ...).
 */
public final class PromptRenderer {

    private final PromptLibrary prompts;

    public PromptRenderer(PromptLibrary prompts) {
        this.prompts = prompts;
    }

    /** The messages for {@code role}, given the outputs so far keyed by role name. */
    public List<ChatMessage> messagesFor(TeamDefinition team, RoleDefinition role, TaskEvent task,
            Map<String, String> priorOutputs) {
        String system = prompts.text(role.systemPrompt()).strip();
        String user = fill(prompts.text(role.userPrompt()), task, priorBlock(team, role, priorOutputs),
                team.answerFormatFor(task));
        return List.of(ChatMessage.system(system), ChatMessage.user(user));
    }

    /**
     * The user message of a role's further step: its template with the task's placeholders and
     * {@code values} ({@code {{name}}} for each key) filled in.
     */
    public String stepText(TeamDefinition team, RoleDefinition role, String step, TaskEvent task,
            Map<String, String> values) {
        String template = role.stepPrompt(step).orElseThrow(() -> new IllegalStateException(
                "role " + role.name() + " of team " + team.subject() + " has no '" + step + "' prompt"));
        String text = fill(prompts.text(template), task, "", team.answerFormatFor(task));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue().strip());
        }
        return text.strip();
    }

    private String fill(String template, TaskEvent task, String prior, AnswerFormat format) {
        return template
                .replace("{{question}}", task.question().strip())
                .replace("{{context_block}}", contextBlock(task))
                .replace("{{choices_block}}", choicesBlock(task, format))
                .replace("{{prior}}", prior)
                .replace("{{answer_instruction}}", format.instruction(task))
                .replace("{{answer_instruction_short}}", format.shortInstruction(task))
                .strip();
    }

    public static String contextBlock(TaskEvent task) {
        if (task.context() == null || task.context().isBlank()) {
            return "";
        }
        return "Context:\n" + task.context().strip() + "\n\n";
    }

    public static String choicesBlock(TaskEvent task) {
        return choicesBlock(task, AnswerFormat.forTask(task));
    }

    public static String choicesBlock(TaskEvent task, AnswerFormat format) {
        if (!task.hasChoices()) {
            return "";
        }
        if (format == AnswerFormat.YES_NO_MAYBE) {
            return "Possible answers: " + String.join(", ", task.choices()) + "\n\n";
        }
        StringBuilder block = new StringBuilder("Options:\n");
        for (int i = 0; i < task.choices().size(); i++) {
            block.append((char) ('A' + i)).append(". ").append(task.choices().get(i).strip()).append('\n');
        }
        return block.append('\n').toString();
    }

    private static String priorBlock(TeamDefinition team, RoleDefinition role, Map<String, String> outputs) {
        List<String> parts = new ArrayList<>();
        for (String seen : role.sees()) {
            String output = outputs.get(seen);
            if (output == null) {
                throw new IllegalStateException("role " + role.name() + " needs the output of " + seen
                        + ", which has not spoken yet in team " + team.subject());
            }
            String title = team.role(seen).map(RoleDefinition::title).orElse(seen);
            parts.add("### " + title + "\n" + output.strip());
        }
        return parts.isEmpty() ? "" : String.join("\n\n", parts) + "\n\n";
    }
}
