package org.itera.llm.shots;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;

/**
 * Turns {@code finetune-records} into {@link LibraryEntry library entries}. A record of a test
 * task is never an entry (the filter sends none; this holds even if one arrives), nor is one
 * without an agent, a user turn or an answer.
 */
public final class LibraryEntries {

    /** {@code <setting>:<task id>@r<round>#<attempt>}, the setting part absent for problem solving. */
    private static final Pattern ATTEMPT = Pattern.compile("@r\\d+#\\d+$");
    private static final Pattern SETTING = Pattern.compile("^[a-z][a-z-]*:");

    private LibraryEntries() {
    }

    public static Optional<LibraryEntry> from(FinetuneRecord record) {
        if (record == null || blank(record.id()) || blank(record.agent()) || record.messages() == null
                || TaskEvent.SPLIT_TEST.equals(record.split())) {
            return Optional.empty();
        }
        List<ChatMessage> exchange = record.messages().stream().filter(m -> !"system".equals(m.role())).toList();
        String text = taskText(exchange);
        boolean answered = exchange.stream().anyMatch(m -> "assistant".equals(m.role()));
        if (text.isBlank() || !answered) {
            return Optional.empty();
        }
        String taskId = blank(record.taskId()) ? taskIdOf(record.trajectoryId()) : record.taskId();
        return Optional.of(new LibraryEntry(record.id(), record.agent(), taskId, text, exchange));
    }

    /** The text a chat is matched by: its user turns (the task as the agent was given it). */
    public static String taskText(List<ChatMessage> chat) {
        return chat.stream().filter(m -> "user".equals(m.role()) && m.content() != null).map(ChatMessage::content)
                .collect(Collectors.joining("\n"));
    }

    /** The task id inside a trajectory id (records written before they named their task). */
    static String taskIdOf(String trajectoryId) {
        if (trajectoryId == null) {
            return "";
        }
        String withoutAttempt = ATTEMPT.matcher(trajectoryId).replaceFirst("");
        return SETTING.matcher(withoutAttempt).replaceFirst("");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
