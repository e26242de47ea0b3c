package org.itera.core.team;

import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;

/** Building chats from earlier ones: a follow-up request, a fresh request under the same system prompt. */
public final class Chats {

    private Chats() {
    }

    /** The chat, the answer it got, and a further user message. */
    public static List<ChatMessage> followUp(List<ChatMessage> chat, String answer, String request) {
        List<ChatMessage> next = new ArrayList<>(chat);
        next.add(ChatMessage.assistant(answer));
        next.add(ChatMessage.user(request));
        return List.copyOf(next);
    }

    /** A new chat: the system message of {@code chat} (if any), then {@code request}. */
    public static List<ChatMessage> sameSystem(List<ChatMessage> chat, String request) {
        List<ChatMessage> next = new ArrayList<>();
        chat.stream().filter(m -> "system".equals(m.role())).findFirst().ifPresent(next::add);
        next.add(ChatMessage.user(request));
        return List.copyOf(next);
    }

    /** The chat with its last user message's text replaced by {@code request} (appended when it has none). */
    public static List<ChatMessage> withLastUser(List<ChatMessage> chat, String request) {
        List<ChatMessage> next = new ArrayList<>(chat);
        for (int i = next.size() - 1; i >= 0; i--) {
            if ("user".equals(next.get(i).role())) {
                next.set(i, ChatMessage.user(request));
                return List.copyOf(next);
            }
        }
        next.add(ChatMessage.user(request));
        return List.copyOf(next);
    }

    /** The text of the last user message, empty when there is none. */
    public static String lastUserText(List<ChatMessage> chat) {
        return chat.stream().filter(m -> "user".equals(m.role())).map(ChatMessage::content)
                .reduce((first, second) -> second).orElse("");
    }
}
