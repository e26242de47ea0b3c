package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One training example for one agent, emitted on {@code finetune-records}: the chat the role was
 * given and the answer it should learn (the last message, role {@code assistant}).
 *
 * <p>{@code id} is {@code trajectoryId + "/" + role}, so a redelivered record is recognisable.
 * {@code taskId} and {@code split} name the task it came from (absent on records written before
 * they were added; library-shots then reads the task id from the trajectory id).
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
        int round,
        @JsonInclude(JsonInclude.Include.NON_NULL) String taskId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String split) {

    /** A record that does not name its task. */
    public FinetuneRecord(String id, String agent, String subject, String role, List<ChatMessage> messages,
            String trajectoryId, String origin, int round) {
        this(id, agent, subject, role, messages, trajectoryId, origin, round, null, null);
    }

    public static String idFor(String trajectoryId, String role) {
        return trajectoryId + "/" + role;
    }
}
