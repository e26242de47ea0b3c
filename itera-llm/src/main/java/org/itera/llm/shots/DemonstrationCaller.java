package org.itera.llm.shots;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.Turn;
import org.itera.core.setting.TurnRequest;
import org.itera.core.team.AgentCaller;

/**
 * Makes one task's agent calls with their library demonstrations in front of the agent's own
 * chat. The turn records the agent's own chat without them, so a success that enters the library
 * (and the fine-tuning data) never carries another task's demonstrations.
 */
final class DemonstrationCaller implements AgentCaller {

    private final AgentCaller caller;
    private final String taskId;
    private final FewShotRetriever retriever;

    DemonstrationCaller(AgentCaller caller, String taskId, FewShotRetriever retriever) {
        this.caller = caller;
        this.taskId = taskId;
        this.retriever = retriever;
    }

    @Override
    public Turn call(String agentId, String role, List<ChatMessage> messages) {
        List<LibraryEntry> shots = retriever.demonstrations(agentId, taskId, messages);
        if (shots.isEmpty()) {
            return caller.call(agentId, role, messages);
        }
        return recordedWith(caller.call(agentId, role, Demonstrations.insert(messages, shots)), messages);
    }

    @Override
    public Turn call(TurnRequest request) {
        List<LibraryEntry> shots = retriever.demonstrations(request.agentId(), taskId, request.messages());
        if (shots.isEmpty()) {
            return caller.call(request);
        }
        TurnRequest shown = new TurnRequest(request.agentId(), request.role(), request.step(),
                Demonstrations.insert(request.messages(), shots), request.options());
        return recordedWith(caller.call(shown), request.messages());
    }

    private static Turn recordedWith(Turn turn, List<ChatMessage> ownChat) {
        return new Turn(turn.role(), turn.model(), ownChat, turn.output(), turn.usage(), turn.latencyMs(), turn.step());
    }
}
