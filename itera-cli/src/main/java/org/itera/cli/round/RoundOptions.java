package org.itera.cli.round;

import java.util.Optional;
import org.itera.core.event.TaskEvent;

/** The options of one {@code itera round} command (parsed by {@link RoundCommand}, or set by {@code itera run}). */
public record RoundOptions(String command, String finetune, Optional<Integer> round, Optional<String> subject,
        String setting, long timeoutSeconds, long pollMillis, boolean reuse, int before, int after,
        Optional<String> file, Optional<Integer> limit, Optional<String> run) {
}
