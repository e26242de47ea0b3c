package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A newly fine-tuned model for one agent, emitted by finetune-service on {@code model-updates}
 * (key = agent). Generators switch the agent to {@code model} from its next call on.
 *
 * <p>{@code base} is the model the job started from, {@code examples} how many examples it was
 * trained on, {@code jobId} the fine-tuning job that produced it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelUpdateEvent(
        String agent,
        String subject,
        String role,
        String model,
        String base,
        int round,
        String jobId,
        int examples) {
}
