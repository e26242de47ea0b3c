package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void messagesRunFromTheirMarkToTheNextAndRepliesAreNoTrainingTargets() {
        List<ChatMessage> chat = Transcript.parse(">>> user\nMove 1.\n\n>>> assistant\nHi.\nOFFER 20\n>>> user\nNext.\n");
        assertThat(chat).containsExactly(ChatMessage.user("Move 1."), new ChatMessage("assistant", "Hi.\nOFFER 20", 0),
                ChatMessage.user("Next."));
    }

    @Test
    void textBeforeTheFirstMarkOrAnotherRoleIsRefused() {
        assertThatThrownBy(() -> Transcript.parse("hello\n>>> user\nx")).hasMessageContaining("starts with");
        assertThatThrownBy(() -> Transcript.parse(">>> system\nx")).hasMessageContaining("not 'system'");
    }
}
