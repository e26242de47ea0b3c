package org.itera.finetune.dataset;

import java.util.List;
import org.itera.core.event.ChatMessage;

/** One stored training example of an agent: the chat ending with the assistant turn to learn. */
public record Example(String id, String agent, List<ChatMessage> messages) {
}
