package org.itera.llm.shots;

import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;

/**
 * Puts library entries into an agent's chat as demonstrations: after its system prompt, each
 * entry's exchange (the task as that agent was given it, and the answer it gave) as earlier
 * turns, the most similar last, right before the agent's own task.
 */
public final class Demonstrations {

    private Demonstrations() {
    }

    /** The chat with the entries (given best first) in front of its first non-system message. */
    public static List<ChatMessage> insert(List<ChatMessage> chat, List<LibraryEntry> bestFirst) {
        if (bestFirst.isEmpty()) {
            return chat;
        }
        int start = 0;
        while (start < chat.size() && "system".equals(chat.get(start).role())) {
            start++;
        }
        List<ChatMessage> shown = new ArrayList<>(chat.subList(0, start));
        for (int i = bestFirst.size() - 1; i >= 0; i--) {
            shown.addAll(bestFirst.get(i).exchange());
        }
        shown.addAll(chat.subList(start, chat.size()));
        return List.copyOf(shown);
    }
}
