package org.itera.core.team;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.Turn;
import org.itera.core.setting.TurnRequest;

/** Makes one agent turn: sends a role's messages to its model and records what came back. */
@FunctionalInterface
public interface AgentCaller {

    /**
     * @param agentId the agent whose model answers ({@link TeamDefinition#agentId(String)})
     * @param role the role name recorded on the turn
     * @param messages the chat the role is given
     */
    Turn call(String agentId, String role, List<ChatMessage> messages);

    /**
     * Makes the turn an episode asks for. A caller that can set a call's model, temperature, token
     * limit and seed overrides this to honour the request's {@code options}; this default makes
     * the call with the agent's own settings.
     */
    default Turn call(TurnRequest request) {
        return call(request.agentId(), request.role(), request.messages());
    }
}
