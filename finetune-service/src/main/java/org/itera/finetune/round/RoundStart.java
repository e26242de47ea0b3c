package org.itera.finetune.round;

import java.util.List;
import java.util.Map;

/** What starting a round did: its number and the agents it trains (none: {@code round} is null). */
public record RoundStart(Integer round, List<String> agents, Map<String, Integer> untrained) {
}
