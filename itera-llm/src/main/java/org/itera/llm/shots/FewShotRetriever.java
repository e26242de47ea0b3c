package org.itera.llm.shots;

import java.util.List;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import org.itera.core.event.ChatMessage;
import org.itera.core.team.AgentCaller;
import org.itera.core.team.ShotsRule.Shots;

/**
 * library-shots' retrieval: for one call of an agent with k shots, the k library entries of its
 * source agent (itself, or the agent its team's {@code libraryShots} option names) most similar to
 * the call's task text, never one of the task being solved ({@link SameTask}).
 */
public final class FewShotRetriever {

    private final ExperienceIndex index;
    private final Function<String, Shots> shotsOfAgent;
    private final ObjIntConsumer<String> used;

    /**
     * @param shotsOfAgent k and source agent per agent id (k 0: none)
     * @param used told how many demonstrations each call of an agent got
     */
    public FewShotRetriever(ExperienceIndex index, Function<String, Shots> shotsOfAgent, ObjIntConsumer<String> used) {
        this.index = index;
        this.shotsOfAgent = shotsOfAgent;
        this.used = used;
    }

    /** The demonstrations for a call of {@code agentId} with {@code chat} on task {@code taskId}, best first. */
    public List<LibraryEntry> demonstrations(String agentId, String taskId, List<ChatMessage> chat) {
        Shots shots = shotsOfAgent.apply(agentId);
        if (shots.k() <= 0) {
            return List.of();
        }
        List<LibraryEntry> found = index.similar(shots.sourceAgent(), taskId, LibraryEntries.taskText(chat), shots.k());
        used.accept(agentId, found.size());
        return found;
    }

    /** A caller for one task whose calls carry their demonstrations. */
    public AgentCaller forTask(String taskId, AgentCaller caller) {
        return new DemonstrationCaller(caller, taskId, this);
    }
}
