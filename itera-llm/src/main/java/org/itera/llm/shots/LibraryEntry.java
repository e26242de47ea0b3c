package org.itera.llm.shots;

import java.util.List;
import org.itera.core.event.ChatMessage;

/**
 * One experience-library entry as library-shots uses it: whose it is ({@code agent}), the task it
 * solved, the task text it is found by, and the exchange shown as a demonstration (the entry's
 * messages without its system prompt: user turns and the answers the agent gave).
 */
public record LibraryEntry(String id, String agent, String taskId, String text, List<ChatMessage> exchange) {

    public LibraryEntry {
        exchange = List.copyOf(exchange);
    }
}
