package org.itera.finetune.round;

import java.util.List;

/** CDI event: a round ended; {@code trained} are the agents that got a new model. */
public record RoundFinished(int round, List<String> agents, List<String> trained) {
}
