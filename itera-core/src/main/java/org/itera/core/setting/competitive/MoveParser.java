package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a reply as a move in the game's {@link ReplyFormat}, strictly: exactly one move, in words the
 * game knows, with terms its rules can read; anything else is a {@link MoveException} whose message
 * tells the player what was wrong. Legality against the state is {@link GameState}'s.
 */
public final class MoveParser {

    private final GameSpec spec;
    private final GameRules rules;

    public MoveParser(GameSpec spec, GameRules rules) {
        this.spec = spec;
        this.rules = rules;
    }

    public Move parse(String reply, String mover) {
        if (reply == null || reply.isBlank()) {
            throw new MoveException("the reply is empty; " + hint());
        }
        return spec.format() == ReplyFormat.TAGGED ? TaggedReply.read(reply, this, mover)
                : LineReply.read(reply, this, mover);
    }

    /** The move a verb and its terms stand for; the verb is matched ignoring case. */
    Move move(String verb, String terms, String message, String reasoning, String mover) {
        Action action = action(verb).orElseThrow(() -> new MoveException("'" + verb + "' is not a move; " + hint()));
        String rest = terms == null ? "" : terms.strip();
        if (action == Action.PROPOSE) {
            return new Move(action, rules.readProposal(spec, mover, rest), message, reasoning);
        }
        if (!rest.isEmpty() && !rest.matches("[.!]+") && !rest.equalsIgnoreCase("none")) {
            throw new MoveException(action.name() + " takes no terms, but the move reads '" + verb + " " + rest + "'");
        }
        return new Move(action, null, message, reasoning);
    }

    /** The action a word names: the game's proposal verb, ACCEPT, REJECT or WAIT. */
    Optional<Action> action(String word) {
        String upper = word.strip().toUpperCase(Locale.ROOT);
        if (upper.equals(rules.proposeVerb())) {
            return Optional.of(Action.PROPOSE);
        }
        for (Action action : List.of(Action.ACCEPT, Action.REJECT, Action.WAIT)) {
            if (upper.equals(action.name())) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Every word that starts a move line. */
    List<String> verbs() {
        List<String> verbs = new ArrayList<>(List.of(rules.proposeVerb()));
        for (Action action : List.of(Action.ACCEPT, Action.REJECT, Action.WAIT)) {
            verbs.add(action.name());
        }
        return verbs;
    }

    /** The moves of this game, as the player is to write them. */
    String hint() {
        List<String> moves = new ArrayList<>();
        for (Action action : List.of(Action.PROPOSE, Action.ACCEPT, Action.REJECT, Action.WAIT)) {
            if (rules.actions().contains(action)) {
                moves.add(action == Action.PROPOSE ? rules.proposeVerb() + " ..." : action.name());
            }
        }
        String which = String.join(", ", moves);
        return spec.format() == ReplyFormat.TAGGED
                ? "give <message>, and <action> with one of " + which + " (and <proposal> with " + rules.proposeVerb() + ")"
                : "end with one line holding your move: " + which;
    }
}
