package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;

/**
 * A chat written as text: each message starts with a line {@code >>> user} or
 * {@code >>> assistant}, its content the lines up to the next such line. Assistant messages come
 * out with weight 0 (examples to follow, not to train on).
 */
final class Transcript {

    private static final String MARK = ">>> ";

    private Transcript() {
    }

    static List<ChatMessage> parse(String text) {
        List<ChatMessage> messages = new ArrayList<>();
        String role = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (line.startsWith(MARK)) {
                add(messages, role, content);
                role = line.substring(MARK.length()).strip();
                if (!role.equals("user") && !role.equals("assistant")) {
                    throw new IllegalStateException("a transcript holds user and assistant messages, not '" + role + "'");
                }
                content.setLength(0);
            } else if (role == null && !line.isBlank()) {
                throw new IllegalStateException("a transcript starts with '>>> user' or '>>> assistant'");
            } else {
                content.append(line).append('\n');
            }
        }
        add(messages, role, content);
        return List.copyOf(messages);
    }

    private static void add(List<ChatMessage> messages, String role, StringBuilder content) {
        if (role == null) {
            return;
        }
        String text = content.toString().strip();
        messages.add(role.equals("user") ? ChatMessage.user(text) : ChatMessage.example(text));
    }
}
