package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How a game of the competitive setting went, as the generator recorded it on the trajectory:
 * the game, who sat where (role to agent, in seat order), every reply parsed (one {@link MoveRecord}
 * per turn of the trajectory, in the same order, invalid ones included), why it ended
 * ({@code accept}, {@code reject}, {@code limit}, {@code invalid}, {@code error}) with a detail,
 * the holdings at the start and the end, each role's payoff, the winner's role (null for a tie),
 * the role whose invalid move ended the game (null otherwise), and the roles trained on its wins.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GameRecord(
        String game,
        Map<String, String> seats,
        List<MoveRecord> moves,
        String endReason,
        String endDetail,
        Map<String, Map<String, Integer>> initialHoldings,
        Map<String, Map<String, Integer>> finalHoldings,
        Map<String, Integer> payoffs,
        String winner,
        String invalidBy,
        List<String> trainable) {

    public static final String END_ACCEPT = "accept";
    public static final String END_REJECT = "reject";
    public static final String END_LIMIT = "limit";
    public static final String END_INVALID = "invalid";
    public static final String END_ERROR = "error";

    /** Every end reason a game can have. */
    public static final List<String> END_REASONS = List.of(END_ACCEPT, END_REJECT, END_LIMIT, END_INVALID, END_ERROR);

    /** Valid moves played (replies rejected as invalid not counted). */
    public int movesPlayed() {
        return (int) moves.stream().filter(MoveRecord::valid).count();
    }

    /** Replies rejected as invalid moves. */
    public int invalidReplies() {
        return moves.size() - movesPlayed();
    }

    /** Whether an offer was accepted (and carried out). */
    public boolean deal() {
        return END_ACCEPT.equals(endReason);
    }
}
