package org.itera.core.repair;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;
import org.itera.core.team.Chats;
import org.itera.core.team.PromptLibrary;
import org.itera.core.team.PromptRenderer;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;

/**
 * The chats of a repair: the critic's (who knows the right answer and reviews one role),
 * the role's regeneration (its original chat, its answer, then the feedback), and the rephrasing
 * (the original request and the corrected answer, to be rewritten as a direct solution); or, for a
 * team that repairs by {@link RepairMode#RATIONALIZE}, the original chat with the answer as a hint.
 */
public final class RepairPrompts {

    static final String CRITIC_SYSTEM = "prompts/repair/critic.system.txt";
    static final String CRITIC_USER = "prompts/repair/critic.user.txt";
    static final String REGENERATE_USER = "prompts/repair/regenerate.user.txt";
    static final String REPHRASE_USER = "prompts/repair/rephrase.user.txt";
    static final String RATIONALIZE_USER = "prompts/repair/rationalize.user.txt";

    private final PromptLibrary prompts;

    public RepairPrompts(PromptLibrary prompts) {
        this.prompts = prompts;
    }

    public List<ChatMessage> critic(TeamDefinition team, RoleDefinition role, TaskEvent task, List<Turn> turns) {
        String user = prompts.text(CRITIC_USER)
                .replace("{{question}}", task.question().strip())
                .replace("{{context_block}}", PromptRenderer.contextBlock(task))
                .replace("{{choices_block}}", PromptRenderer.choicesBlock(task, team.answerFormatFor(task)))
                .replace("{{transcript}}", transcript(team, turns))
                .replace("{{expected}}", task.answer().strip())
                .replace("{{role_title}}", role.title())
                .replace("{{role}}", role.name())
                .strip();
        return List.of(ChatMessage.system(prompts.text(CRITIC_SYSTEM).strip()), ChatMessage.user(user));
    }

    public List<ChatMessage> regenerate(Turn original, String feedback) {
        return Chats.followUp(original.messages(), original.output(),
                prompts.text(REGENERATE_USER).replace("{{feedback}}", feedback.strip()).strip());
    }

    public List<ChatMessage> rephrase(Turn original, String regenerated) {
        String user = prompts.text(REPHRASE_USER)
                .replace("{{original_request}}", Chats.lastUserText(original.messages()).strip())
                .replace("{{draft}}", regenerated.strip())
                .strip();
        return Chats.sameSystem(original.messages(), user);
    }

    /**
     * STaR's rationalization: the role's original chat with its last request followed by the correct
     * answer as a hint. The hint lives only in this call: the repaired turn keeps the original chat.
     */
    public List<ChatMessage> rationalize(Turn original, TaskEvent task) {
        String user = prompts.text(RATIONALIZE_USER)
                .replace("{{original_request}}", Chats.lastUserText(original.messages()).strip())
                .replace("{{expected}}", task.answer().strip())
                .strip();
        return Chats.withLastUser(original.messages(), user);
    }

    private static String transcript(TeamDefinition team, List<Turn> turns) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : turns) {
            String title = team.role(turn.role()).map(RoleDefinition::title).orElse(turn.role());
            String who = turn.step() == null ? turn.role() : turn.role() + ", " + turn.step();
            text.append("### ").append(title).append(" (").append(who).append(")\n")
                    .append(turn.output().strip()).append("\n\n");
        }
        return text.toString().strip();
    }
}
