package org.itera.core.setting;

import java.util.List;
import java.util.Optional;
import org.itera.core.event.GameRecord;
import org.itera.core.event.Turn;

/**
 * One run of a task as a small state machine: which turn to ask for next, what a turn changes,
 * when it is done. {@code TeamRunner} drives every episode of every setting the same way.
 */
public interface Episode {

    /** The next turn to ask for; empty when the episode is done. */
    Optional<TurnRequest> next();

    /** Takes the answer to the request {@link #next()} gave last. */
    void apply(Turn turn);

    /** The turns so far, in order. */
    List<Turn> turns();

    /**
     * Whether the episode ends, recorded, on a call that failed for good (true: a game ends with
     * the end reason {@code error}, so no game is ever dropped); false (the default) lets the
     * failure end the task as the service decides (dead letter). Never asked about a call cut
     * short by a shutdown.
     */
    default boolean endOnFailure(RuntimeException failure) {
        return false;
    }

    /** A game's record (moves, end, payoffs, winner) once it is done; empty for other settings. */
    default Optional<GameRecord> game() {
        return Optional.empty();
    }
}
