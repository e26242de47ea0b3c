package org.itera.finetune.round;

import java.util.List;

/**
 * CDI event: a round ended; {@code agents} are the keys of the trainees it trained (agent ids, or a
 * team's {@code <subject>/all-roles}), {@code trained} the ones whose job gave a new model.
 */
public record RoundFinished(int round, List<String> agents, List<String> trained) {
}
