package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.GameRecord;

/**
 * Where a game stands, and the rules every game shares: the roles alternate from the first mover;
 * a move is checked against the game's actions and the state before it counts (a proposal only
 * gives what its mover holds and is not made on the last move, since nothing could answer it; an
 * accept or reject needs the opponent's standing proposal; an accept needs the acceptor to hold
 * what the trade makes it give); an accepted trade is carried out; the game ends on an accept, a
 * reject, the move limit, an invalid reply that used up its tries, or an error.
 */
public final class GameState {

    private final GameSpec spec;
    private final GameRules rules;
    private Holdings holdings;
    private int played;
    private Trade standing;
    private String standingBy;
    private String endReason;
    private String endDetail;
    private String invalidBy;

    public GameState(GameSpec spec, GameRules rules) {
        this.spec = spec;
        this.rules = rules;
        this.holdings = spec.startingHoldings();
    }

    /** Whose move it is. */
    public String mover() {
        return played % 2 == 0 ? spec.firstMover() : spec.other(spec.firstMover());
    }

    /** The number of the move to be made next (1-based). */
    public int nextMove() {
        return played + 1;
    }

    public boolean lastMove() {
        return played + 1 == spec.moves();
    }

    public boolean ended() {
        return endReason != null;
    }

    /** Checks the move of the role whose turn it is and plays it; a {@link MoveException} says why it cannot be. */
    public void play(String role, Move move) {
        if (ended() || !role.equals(mover())) {
            throw new IllegalStateException("it is not " + role + "'s move");
        }
        check(role, move);
        switch (move.action()) {
            case PROPOSE -> {
                standing = move.trade();
                standingBy = role;
            }
            case ACCEPT -> {
                holdings = standing.applyTo(holdings);
                end(GameRecord.END_ACCEPT, role + " accepted " + rules.proposalLine(spec, standingBy, standing));
            }
            case REJECT -> end(GameRecord.END_REJECT, role + " rejected " + rules.proposalLine(spec, standingBy, standing));
            case WAIT -> { }
        }
        played++;
        if (!ended() && played >= spec.moves()) {
            end(GameRecord.END_LIMIT, "no deal within " + spec.moves() + " moves");
        }
    }

    private void check(String role, Move move) {
        String verb = move.action() == Action.PROPOSE ? rules.proposeVerb() : move.action().name();
        if (!rules.actions().contains(move.action())) {
            throw new MoveException(verb + " is not a move in this game");
        }
        boolean opponentsOffer = standing != null && !role.equals(standingBy);
        switch (move.action()) {
            case PROPOSE -> {
                if (lastMove()) {
                    throw new MoveException("move " + nextMove() + " is the last one, so a new proposal could never be "
                            + "answered; answer the standing one instead");
                }
                List<String> missing = move.trade().shortfalls(role, holdings);
                if (!missing.isEmpty()) {
                    throw new MoveException("you cannot give what you do not hold: " + String.join(", ", missing));
                }
            }
            case ACCEPT, REJECT -> {
                if (!opponentsOffer) {
                    throw new MoveException("there is no proposal of the other player's to " + verb.toLowerCase());
                }
                List<String> missing = standing.shortfalls(role, holdings);
                if (move.action() == Action.ACCEPT && !missing.isEmpty()) {
                    throw new MoveException("accepting would make you give what you do not hold: "
                            + String.join(", ", missing));
                }
            }
            case WAIT -> { }
        }
    }

    /** Ends the game because the role's reply was still no valid move after its tries: that role loses. */
    public void endInvalid(String role, String reason) {
        invalidBy = role;
        end(GameRecord.END_INVALID, role + " made no valid move: " + reason);
    }

    /** Ends the game on an error of the game itself (recorded, never dropped). */
    public void endError(String detail) {
        end(GameRecord.END_ERROR, detail);
    }

    private void end(String reason, String detail) {
        endReason = reason;
        endDetail = detail;
    }

    public String endReason() {
        return endReason;
    }

    public String endDetail() {
        return endDetail;
    }

    public String invalidBy() {
        return invalidBy;
    }

    public Holdings holdings() {
        return holdings;
    }

    /** The standing proposal (empty when none), and who made it. */
    public java.util.Optional<Trade> standing() {
        return java.util.Optional.ofNullable(standing);
    }

    public String standingBy() {
        return standingBy;
    }

    /** Each role's payoff as the game stands (the rules'; an invalid or failed game pays as no deal). */
    public Map<String, Integer> payoffs() {
        boolean deal = GameRecord.END_ACCEPT.equals(endReason);
        return new LinkedHashMap<>(rules.payoffs(spec, deal ? holdings : spec.startingHoldings(), deal));
    }

    /** The winner's role: the other one after an invalid end, none after an error, else the higher payoff (none on a tie). */
    public String winner() {
        if (invalidBy != null) {
            return spec.other(invalidBy);
        }
        if (!ended() || GameRecord.END_ERROR.equals(endReason)) {
            return null;
        }
        Map<String, Integer> payoffs = payoffs();
        int first = payoffs.get(spec.roles().get(0));
        int second = payoffs.get(spec.roles().get(1));
        return first == second ? null : first > second ? spec.roles().get(0) : spec.roles().get(1);
    }
}
