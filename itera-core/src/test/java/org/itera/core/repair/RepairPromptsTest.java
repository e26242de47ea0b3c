package org.itera.core.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TeamRunner;
import org.junit.jupiter.api.Test;

class RepairPromptsTest {

    final TeamCatalog catalog = TeamCatalog.standard();
    final RepairPrompts prompts = new RepairPrompts(catalog.prompts());
    final TeamDefinition physics = catalog.team("physics");
    final TaskEvent task = new TaskEvent("mmlu/x", "problem-solving", "physics", "Which lens focal length gives 4x?",
            List.of("10 cm", "20 cm", "25 cm", "40 cm"), null, "C", "train", 0);
    final List<Turn> turns = new TeamRunner(catalog).run(task, (agent, role, messages) ->
            new Turn(role, "m", messages, "output of the " + role, TokenUsage.NONE, 1));

    @Test
    void theCriticSeesTheTaskEveryOutputAndTheCorrectAnswerAndReviewsOneRole() {
        List<ChatMessage> chat = prompts.critic(physics, physics.role("mathematician").orElseThrow(), task, turns);
        assertThat(chat).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(chat.get(0).content()).contains("correct answer", "Do not simply state the final answer");
        assertThat(chat.get(1).content())
                .contains("Which lens focal length gives 4x?", "A. 10 cm", "D. 40 cm")
                .contains("output of the physicist", "output of the mathematician", "output of the synthesizer")
                .contains("The correct answer is: C")
                .contains("Give feedback to the Mathematician's solution (mathematician) only")
                .doesNotContain("{{");
    }

    @Test
    void regenerationContinuesTheRolesOwnChatWithTheFeedback() {
        Turn physicist = turns.get(0);
        List<ChatMessage> chat = prompts.regenerate(physicist, "Use the magnification formula M = f1 / f2.");
        assertThat(chat.subList(0, 2)).isEqualTo(physicist.messages());
        assertThat(chat.get(2)).isEqualTo(ChatMessage.assistant("output of the physicist"));
        assertThat(chat.get(3).role()).isEqualTo("user");
        assertThat(chat.get(3).content()).contains("Use the magnification formula M = f1 / f2.").doesNotContain("{{");
    }

    @Test
    void rephrasingShowsTheOriginalRequestAndTheDraftButNeitherTheFeedbackNorTheOldAnswer() {
        Turn physicist = turns.get(0);
        List<ChatMessage> chat = prompts.rephrase(physicist, "Corrected: M = f1 / f2 = 4, so f2 = 25 cm.");
        assertThat(chat.get(0)).isEqualTo(physicist.messages().get(0));
        assertThat(chat.get(1).content())
                .contains(physicist.messages().get(1).content(), "Corrected: M = f1 / f2 = 4, so f2 = 25 cm.")
                .contains("earlier attempts, mistakes, reviewers, feedback or corrections").doesNotContain("output of the physicist").doesNotContain("{{");
    }

    @Test
    void rationalizationAsksTheOriginalRequestAgainWithTheCorrectAnswerAsAHint() {
        Turn physicist = turns.get(0);
        List<ChatMessage> chat = prompts.rationalize(physicist, task);

        assertThat(chat).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(chat.get(0)).isEqualTo(physicist.messages().get(0));
        assertThat(chat.get(1).content()).startsWith(physicist.messages().get(1).content().strip())
                .contains("the correct answer is C.", "do not mention the hint")
                .doesNotContain("output of the physicist").doesNotContain("{{");
        assertThat(physicist.messages().get(1).content()).doesNotContain("correct answer is");
    }
}
