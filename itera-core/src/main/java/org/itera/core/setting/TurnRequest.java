package org.itera.core.setting;

import java.util.List;
import org.itera.core.event.ChatMessage;

/**
 * A turn an episode asks for: which agent answers, under which role, the step it takes (null for
 * a role that speaks once, as in problem solving) and the chat it is given.
 */
public record TurnRequest(String agentId, String role, String step, List<ChatMessage> messages) {

    public TurnRequest {
        messages = List.copyOf(messages);
    }
}
