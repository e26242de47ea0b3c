package org.itera.core.setting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.team.AgentCaller;

/** An {@link AgentCaller} that answers with the given replies in order and records every call. */
public final class ScriptedCaller implements AgentCaller {

    /** One call received. */
    public record Call(String agentId, String role, List<ChatMessage> messages, CallOptions options) {
        public String user() {
            return messages.get(messages.size() - 1).content();
        }

        public String allText() {
            return String.join("\n", messages.stream().map(ChatMessage::content).toList());
        }
    }

    private final Deque<String> replies;
    public final List<Call> calls = new ArrayList<>();

    public ScriptedCaller(String... replies) {
        this.replies = new ArrayDeque<>(List.of(replies));
    }

    @Override
    public Turn call(TurnRequest request) {
        return answer(request.agentId(), request.role(), request.messages(), request.options());
    }

    @Override
    public Turn call(String agentId, String role, List<ChatMessage> messages) {
        return answer(agentId, role, messages, null);
    }

    private Turn answer(String agentId, String role, List<ChatMessage> messages, CallOptions options) {
        calls.add(new Call(agentId, role, messages, options));
        if (replies.isEmpty()) {
            throw new IllegalStateException("no scripted reply left for call " + calls.size() + " (" + agentId + ")");
        }
        return new Turn(role, "model-of-" + agentId, messages, replies.pop(), new TokenUsage(10, 5), 3);
    }

    public List<String> agentIds() {
        return calls.stream().map(Call::agentId).toList();
    }

    public int left() {
        return replies.size();
    }
}
