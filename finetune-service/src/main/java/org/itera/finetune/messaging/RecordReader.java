package org.itera.finetune.messaging;

import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Payloads;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * Parses and checks a {@code finetune-records} message, with a clear reason when it is unusable
 * ({@link Payloads}: empty, oversize, not JSON, a field of the wrong type; then an id, a subject
 * and role of a team in the catalogue, the matching agent id, messages ending with the assistant's).
 */
final class RecordReader {

    private RecordReader() {
    }

    static FinetuneRecord read(String payload, TeamCatalog catalog) {
        FinetuneRecord record = Payloads.read(payload, FinetuneRecord.class, "finetune record");
        require(record.id() != null && !record.id().isBlank(), "finetune record has no id");
        require(record.subject() != null && record.role() != null,
                "finetune record " + record.id() + " has no subject or role");
        require(catalog.allTeams().stream().anyMatch(team -> team.subject().equals(record.subject())),
                "finetune record " + record.id() + " has unknown subject '" + record.subject() + "' (one of "
                        + catalog.subjects() + ")");
        require(catalog.allTeams().stream().anyMatch(team -> team.subject().equals(record.subject())
                        && team.role(record.role()).isPresent()),
                "finetune record " + record.id() + " has role '" + record.role() + "', which no team of "
                        + record.subject() + " has");
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
