package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One reply of a game, parsed: the role that gave it, the move number it was for (1-based, counting
 * valid moves), its try at that move (0 first, 1 after the error was shown, ...), whether it was a
 * valid move and why not; for a valid one the action ({@code propose}, {@code accept}, {@code reject},
 * {@code wait}), the trade a proposal offers (what each role would give), and the public message
 * the opponent was shown. Private reasoning stays in the turn's output only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveRecord(
        String role,
        int move,
        int attempt,
        boolean valid,
        String error,
        String action,
        Map<String, Map<String, Integer>> trade,
        String message) {
}
