package org.itera.finetune.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.junit.jupiter.api.Test;

class TrainingFileTest {

    static Example example(int i, ChatMessage... messages) {
        return new Example("t" + i + "@r0#0/solver", "pubmedqa-solver", List.of(messages));
    }

    static Example good(int i) {
        return example(i, ChatMessage.system("You answer."), ChatMessage.user("Question " + i + "?"),
                ChatMessage.assistant("Answer: yes"));
    }

    @Test
    void writesOneChatPerLineAndLeavesInvalidExamplesOut() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(good(i));
        }
        examples.add(example(20, ChatMessage.user("Q?"), new ChatMessage("tool", "x"), ChatMessage.assistant("A")));
        examples.add(example(21, ChatMessage.user("Q?"), ChatMessage.assistant("  ")));
        examples.add(example(22, ChatMessage.assistant("A"), ChatMessage.user("Q?")));
        TrainingFile file = TrainingFile.of(examples);
        assertThat(file.valid()).isTrue();
        assertThat(file.exampleIds()).hasSize(10);
        assertThat(file.rejected()).containsEntry("role other than system/user/assistant", 1)
                .containsEntry("last message is not a non-empty assistant turn", 2);
        String[] lines = new String(file.jsonl(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"You answer.\"},"
                + "{\"role\":\"user\",\"content\":\"Question 0?\"},{\"role\":\"assistant\",\"content\":\"Answer: yes\"}]}");
    }

    @Test
    void aGameSeatsWholeConversationIsOneExampleWithEveryAssistantTurn() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(example(i, ChatMessage.system("You are the proposer."), ChatMessage.user("Move 1 of 8."),
                    ChatMessage.assistant("OFFER 20"), ChatMessage.user("They offered 60. Move 3 of 8."),
                    ChatMessage.assistant("OFFER 35"), ChatMessage.user("They offered 45. Move 5 of 8."),
                    ChatMessage.assistant("ACCEPT")));
        }
        TrainingFile file = TrainingFile.of(examples);
        assertThat(file.valid()).isTrue();
        assertThat(file.rejected()).isEmpty();
        String first = new String(file.jsonl(), StandardCharsets.UTF_8).split("\n")[0];
        assertThat(first.split("\"role\":\"assistant\"", -1)).hasSize(4);
    }

    @Test
    void fewerThanTenValidExamplesIsNotATrainingFile() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            examples.add(good(i));
        }
        examples.add(example(9, ChatMessage.user("Q?")));
        TrainingFile file = TrainingFile.of(examples);
        assertThat(file.valid()).isFalse();
        assertThat(file.problem()).contains("9 valid example(s)", "10");
    }

    @Test
    void aConfiguredMinimumLetsFewerExamplesTrain() {
        List<Example> three = List.of(good(0), good(1), good(2));

        assertThat(TrainingFile.of(three, 3).valid()).isTrue();
        assertThat(TrainingFile.of(three, 4).problem()).isEqualTo("3 valid example(s), fewer than the 4 a fine-tuning job needs");
    }

    @Test
    void suffixesAreSanitisedAndAtMost64Characters() {
        assertThat(Suffixes.of("physics-physicist", 3)).isEqualTo("physics-physicist-r3");
        assertThat(Suffixes.of("Chem Istry/Über_role", 12)).isEqualTo("chem-istry-ber-role-r12");
        String longName = Suffixes.of("a".repeat(80) + "-solver", 123);
        assertThat(longName).hasSize(64).endsWith("-r123");
    }
}
