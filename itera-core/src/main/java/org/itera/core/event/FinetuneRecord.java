package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One training example for one agent, emitted on {@code finetune-records}: the chat the role was
 * given and the answer it should learn (the last message, role {@code assistant}).
 *
 * <p>{@code id} is {@code trajectoryId + "/" + role}, so a redelivered record is recognisable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FinetuneRecord(
        String id,
        String agent,
        String subject,
        String role,
        List<ChatMessage> messages,
        String trajectoryId,
        String origin,
        int round) {

    public static String idFor(String trajectoryId, String role) {
        return trajectoryId + "/" + role;
    }
}
