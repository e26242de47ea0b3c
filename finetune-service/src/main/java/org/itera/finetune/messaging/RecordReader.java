package org.itera.finetune.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.json.Json;
import org.itera.core.team.TeamDefinition;

/** Parses and checks a {@code finetune-records} message, with a clear reason when it is unusable. */
final class RecordReader {

    private RecordReader() {
    }

    static FinetuneRecord read(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty finetune record");
        }
        FinetuneRecord record;
        try {
            record = Json.mapper().readValue(payload, FinetuneRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON finetune record: " + e.getOriginalMessage());
        }
        require(record.id() != null && !record.id().isBlank(), "finetune record has no id");
        require(record.subject() != null && record.role() != null,
                "finetune record " + record.id() + " has no subject or role");
        require(TeamDefinition.agentId(record.subject(), record.role()).equals(record.agent()),
                "finetune record " + record.id() + " has agent '" + record.agent() + "', expected <subject>-<role>");
        require(record.messages() != null && !record.messages().isEmpty(),
                "finetune record " + record.id() + " has no messages");
        ChatMessage last = record.messages().get(record.messages().size() - 1);
        require(last != null && "assistant".equals(last.role()),
                "finetune record " + record.id() + " does not end with the assistant turn");
        return record;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
