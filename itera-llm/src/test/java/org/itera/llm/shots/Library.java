package org.itera.llm.shots;

import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;

/** Library records as the filter sends them on {@code finetune-records}, for the tests. */
final class Library {

    static final String SYSTEM = "You solve arithmetic word problems.";

    private Library() {
    }

    static FinetuneRecord record(String agent, String taskId, String split, String question, String answer) {
        String trajectoryId = taskId + "@r0#0";
        String role = agent.substring(agent.indexOf('-') + 1);
        return new FinetuneRecord(FinetuneRecord.idFor(trajectoryId, role), agent, "arithmetic", role,
                List.of(ChatMessage.system(SYSTEM), ChatMessage.user("Problem: " + question),
                        ChatMessage.assistant(answer)),
                trajectoryId, "generated", 0, taskId, split);
    }

    static FinetuneRecord train(String agent, String taskId, String question, String answer) {
        return record(agent, taskId, "train", question, answer);
    }

    static LibraryEntry entry(FinetuneRecord record) {
        return LibraryEntries.from(record).orElseThrow();
    }

    static List<ChatMessage> chat(String question) {
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user("Problem: " + question));
    }
}
