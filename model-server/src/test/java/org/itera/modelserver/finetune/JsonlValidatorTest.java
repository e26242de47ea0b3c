package org.itera.modelserver.finetune;

import org.itera.modelserver.finetune.files.InvalidFileException;
import org.itera.modelserver.finetune.files.JsonlValidator;
import org.itera.modelserver.finetune.jobs.FineTunedModels;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain unit tests: the training-file check and the fine-tuned model names. */
class JsonlValidatorTest {

    @Test
    void countsExamplesAndSkipsBlankLines() throws IOException {
        String jsonl = TrainingData.line("a", "b") + "\n\n" + TrainingData.line("c", "d") + "\n\n";
        assertThat(JsonlValidator.validate(stream(jsonl))).isEqualTo(2);
    }

    @Test
    void aConversationWithSeveralAssistantTurnsIsOneExample() throws IOException {
        String game = "{\"messages\":[{\"role\":\"system\",\"content\":\"You sell.\"},"
                + "{\"role\":\"user\",\"content\":\"Move 1 of 10.\"},{\"role\":\"assistant\",\"content\":\"PRICE 70\"},"
                + "{\"role\":\"user\",\"content\":\"They said PRICE 50. Move 3 of 10.\"},"
                + "{\"role\":\"assistant\",\"content\":\"PRICE 58\"}]}";
        assertThat(JsonlValidator.validate(stream(game + "\n" + game + "\n"))).isEqualTo(2);
    }

    @Test
    void aBlankAssistantAnswerIsNothingToTrainOn() {
        String jsonl = TrainingData.line("a", "b") + "\n" + TrainingData.line("c", " ");
        assertThatThrownBy(() -> JsonlValidator.validate(stream(jsonl)))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("line 2: no non-empty assistant message");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] bytes = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        assertThatThrownBy(() -> JsonlValidator.validate(new ByteArrayInputStream(bytes)))
                .isInstanceOf(InvalidFileException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void fineTunedIdsNameTheRootBaseModel() {
        String first = FineTunedModels.idFor("SmolLM2-135M-Instruct.Q4_1", "solver-r1", "ftjob-abcdefghijklmnop12345678");
        assertThat(first).isEqualTo("ft:SmolLM2-135M-Instruct.Q4_1:itera:solver-r1:12345678");
        String second = FineTunedModels.idFor(first, "itera", "ftjob-zzzzzzzzzzzzzzzz87654321");
        assertThat(second).isEqualTo("ft:SmolLM2-135M-Instruct.Q4_1:itera:itera:87654321");
        assertThat(FineTunedModels.rootOf(second)).isEqualTo("SmolLM2-135M-Instruct.Q4_1");
        assertThat(FineTunedModels.idFor("base", null, "ftjob-x1234567")).isEqualTo("ft:base:itera::x1234567");
        assertThat(FineTunedModels.rootOf("ft:base:itera::x1234567")).isEqualTo("base");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
