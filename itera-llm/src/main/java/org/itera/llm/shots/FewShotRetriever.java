package org.itera.llm.shots;

import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;
import org.itera.core.event.ChatMessage;
import org.itera.core.team.AgentCaller;

/**
 * library-shots' retrieval: for one call of an agent with k shots, the agent's own k library
 * entries most similar to the call's task text, never one of the task being solved.
 */
public final class FewShotRetriever {

    private final ExperienceIndex index;
    private final ToIntFunction<String> shotsOfAgent;
    private final ObjIntConsumer<String> used;

    /**
     * @param shotsOfAgent k per agent id (0: none)
     * @param used told how many demonstrations each call of an agent got
     */
    public FewShotRetriever(ExperienceIndex index, ToIntFunction<String> shotsOfAgent, ObjIntConsumer<String> used) {
        this.index = index;
        this.shotsOfAgent = shotsOfAgent;
        this.used = used;
    }

    /** The demonstrations for a call of {@code agentId} with {@code chat} on task {@code taskId}, best first. */
    public List<LibraryEntry> demonstrations(String agentId, String taskId, List<ChatMessage> chat) {
        int k = shotsOfAgent.applyAsInt(agentId);
        if (k <= 0) {
            return List.of();
        }
        List<LibraryEntry> found = index.similar(agentId, taskId, LibraryEntries.taskText(chat), k);
        used.accept(agentId, found.size());
        return found;
    }

    /** A caller for one task whose calls carry their demonstrations. */
    public AgentCaller forTask(String taskId, AgentCaller caller) {
        return new DemonstrationCaller(caller, taskId, this);
    }
}
