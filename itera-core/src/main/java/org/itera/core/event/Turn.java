package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One agent turn of a trajectory: the messages the role was given, what it answered, which model
 * answered, what it cost and how long it took.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Turn(
        String role,
        String model,
        List<ChatMessage> messages,
        String output,
        TokenUsage usage,
        long latencyMs) {
}
