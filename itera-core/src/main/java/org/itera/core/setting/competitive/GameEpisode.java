package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.GameRecord;
import org.itera.core.event.MoveRecord;
import org.itera.core.event.Turn;
import org.itera.core.setting.CallOptions;
import org.itera.core.setting.Episode;
import org.itera.core.setting.TurnRequest;

/**
 * One game as an episode: the roles move in turn, each with its own growing chat (its system
 * prompt and practice exchange, then for each of its moves the message it was given and its reply), shown only the
 * opponent's public message and move. An invalid reply is shown back with the error for another
 * try ({@link GameSpec#retries()}); after the last try the game ends {@code invalid} and that role
 * loses. Every reply is recorded, parsed, as a {@link MoveRecord}; the episode's {@link #game()}
 * is the whole record. Calls are sampled with the game's temperature and a seed derived from the
 * task's seed and the turn, so a game is repeatable and different seeds give different games.
 */
final class GameEpisode implements Episode {

    private final Seating seating;
    private final GameSpec spec;
    private final GameRules rules;
    private final GamePrompts prompts;
    private final MoveParser parser;
    private final GameState state;
    private final Map<String, List<ChatMessage>> chats = new LinkedHashMap<>();
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final List<Turn> turns = new ArrayList<>();
    private final List<MoveRecord> moves = new ArrayList<>();
    private final long seed;
    private int attempt;
    private String lastReply;
    private String lastError;

    GameEpisode(GameSpec spec, GameRules rules, GamePrompts prompts, Seating seating, long seed) {
        this.spec = spec;
        this.rules = rules;
        this.prompts = prompts;
        this.seating = seating;
        this.seed = seed;
        this.parser = new MoveParser(spec, rules);
        this.state = new GameState(spec, rules);
        for (String role : spec.roles()) {
            List<ChatMessage> chat = new ArrayList<>(List.of(ChatMessage.system(prompts.system(role))));
            chat.addAll(prompts.practice(role));
            chats.put(role, chat);
        }
        pending.put(spec.firstMover(), prompts.opening(spec.firstMover()));
    }

    @Override
    public Optional<TurnRequest> next() {
        if (state.ended()) {
            return Optional.empty();
        }
        String role = state.mover();
        List<ChatMessage> messages = new ArrayList<>(chats.get(role));
        messages.add(ChatMessage.user(pending.get(role)));
        if (attempt > 0) {
            messages.add(ChatMessage.assistant(lastReply));
            messages.add(ChatMessage.user(prompts.retry(role, lastError)));
        }
        CallOptions options = new CallOptions(seating.model(role), spec.temperature(), spec.maxTokens(),
                Seeds.of(seed, turns.size()));
        return Optional.of(new TurnRequest(seating.agent(role), role, attempt == 0 ? GamePrompts.MOVE : GamePrompts.RETRY,
                messages, options));
    }

    @Override
    public void apply(Turn turn) {
        if (state.ended()) {
            throw new IllegalStateException("the game is over; no move was asked for");
        }
        turns.add(turn);
        String role = state.mover();
        int number = state.nextMove();
        Move move;
        try {
            move = parser.parse(turn.output(), role);
            state.play(role, move);
        } catch (MoveException e) {
            invalid(role, number, turn.output(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            moves.add(new MoveRecord(role, number, attempt, false, "error: " + e, null, null, null));
            state.endError("the game could not go on after " + role + "'s reply: " + e);
            return;
        }
        moves.add(new MoveRecord(role, number, attempt, true, null, move.action().recorded(),
                move.trade() == null ? null : move.trade().gives(), move.message()));
        chats.get(role).add(ChatMessage.user(pending.remove(role)));
        chats.get(role).add(ChatMessage.assistant(turn.output()));
        attempt = 0;
        String other = spec.other(role);
        pending.put(other, prompts.relay(other, number, move, moveLine(role, move), state));
    }

    /** A call that failed for good ends the game {@code error}, recorded with the reason. */
    @Override
    public boolean endOnFailure(RuntimeException failure) {
        if (state.ended()) {
            return false;
        }
        state.endError("the call for " + state.mover() + "'s move " + state.nextMove() + " failed: "
                + failure.getMessage());
        return true;
    }

    private void invalid(String role, int number, String reply, String error) {
        moves.add(new MoveRecord(role, number, attempt, false, error, null, null, null));
        if (attempt < spec.retries()) {
            attempt++;
            lastReply = reply;
            lastError = error;
        } else {
            state.endInvalid(role, error);
        }
    }

    private String moveLine(String role, Move move) {
        return move.action() == Action.PROPOSE ? rules.proposalLine(spec, role, move.trade()) : move.action().name();
    }

    @Override
    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    @Override
    public Optional<GameRecord> game() {
        if (!state.ended()) {
            return Optional.empty();
        }
        return Optional.of(new GameRecord(rules.name(), seating.agents(), List.copyOf(moves), state.endReason(),
                state.endDetail(), spec.holdings(), state.holdings().toMap(), state.payoffs(), state.winner(),
                state.invalidBy(), spec.trainable()));
    }
}
