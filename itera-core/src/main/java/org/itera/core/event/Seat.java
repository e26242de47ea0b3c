package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who plays one side of a game task: the agent (its id picks its model and its fine-tuning data;
 * absent: the game's own agent for that role) and, optionally, the model it plays with in this
 * game only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Seat(String agent, String model) {
}
