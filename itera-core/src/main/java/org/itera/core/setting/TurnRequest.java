package org.itera.core.setting;

import java.util.List;
import org.itera.core.event.ChatMessage;

/**
 * A turn an episode asks for: which agent answers, under which role, the step it takes (null for
 * a role that speaks once, as in problem solving), the chat it is given, and how the call is to be
 * made when the episode decides that itself ({@link CallOptions}; null: the agent's own settings).
 */
public record TurnRequest(String agentId, String role, String step, List<ChatMessage> messages, CallOptions options) {

    public TurnRequest {
        messages = List.copyOf(messages);
    }

    /** A turn made with the agent's own settings. */
    public TurnRequest(String agentId, String role, String step, List<ChatMessage> messages) {
        this(agentId, role, step, messages, null);
    }
}
