package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One agent turn of a trajectory: the messages the role was given, what it answered, which model
 * answered, what it cost and how long it took.
 *
 * <p>{@code step} names what the turn did when a role speaks more than once in an episode (the
 * actor-critic setting's {@code solve}, {@code judge}, {@code critique}, {@code regenerate},
 * {@code rephrase}); it is null, and absent from the JSON, for a problem-solving team's turns.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Turn(
        String role,
        String model,
        List<ChatMessage> messages,
        String output,
        TokenUsage usage,
        long latencyMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String step) {

    /** A turn without a step name (a problem-solving team's turn). */
    public Turn(String role, String model, List<ChatMessage> messages, String output, TokenUsage usage,
            long latencyMs) {
        this(role, model, messages, output, usage, latencyMs, null);
    }

    /** The same turn, named as the given step. */
    public Turn withStep(String name) {
        return new Turn(role, model, messages, output, usage, latencyMs, name);
    }
}
