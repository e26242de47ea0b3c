package org.itera.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.itera.core.event.Seat;

/**
 * The part of one dataset line a task is made of: a question's id, question, choices, context and
 * answer, or a game's id, game, seed, overrides and seats. Everything else on the line
 * ({@code source}, {@code meta}, and any unknown key) is dropped when the line is read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DatasetRow(String id, String question, List<String> choices, String context, String answer, String game,
        Long seed, Map<String, Object> overrides, List<Seat> seats) {
}
