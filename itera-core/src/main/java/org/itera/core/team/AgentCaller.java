package org.itera.core.team;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.Turn;

/** Makes one agent turn: sends a role's messages to its model and records what came back. */
@FunctionalInterface
public interface AgentCaller {

    /**
     * @param agentId the agent whose model answers ({@link TeamDefinition#agentId(String)})
     * @param role the role name recorded on the turn
     * @param messages the chat the role is given
     */
    Turn call(String agentId, String role, List<ChatMessage> messages);
}
