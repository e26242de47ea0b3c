package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.GameRecord;
import org.itera.core.event.MoveRecord;
import org.itera.core.event.Turn;

/**
 * The library's examples of a game: one per trainable role that won, its whole conversation (system
 * prompt, then each message it was given and its valid reply: every assistant turn a training
 * target). Invalid replies and the errors shown for them are left out, so the example reads as if
 * every move had been valid at once. Losses and ties give none; nor does a win without a move of
 * one's own (the opponent's first reply was invalid).
 */
final class GameExamples {

    private GameExamples() {
    }

    /** {@code example} makes the record of (role, messages with the assistant turns). */
    static List<FinetuneRecord> select(GameRecord game, List<Turn> turns,
            BiFunction<String, List<ChatMessage>, FinetuneRecord> example) {
        List<FinetuneRecord> examples = new ArrayList<>();
        String winner = game.winner();
        if (winner == null || !game.trainable().contains(winner)) {
            return examples;
        }
        conversation(game, turns, winner).ifPresent(chat -> examples.add(example.apply(winner, chat)));
        return examples;
    }

    /** The role's conversation up to its last valid reply, invalid tries removed; empty without a valid reply. */
    static java.util.Optional<List<ChatMessage>> conversation(GameRecord game, List<Turn> turns, String role) {
        for (int i = game.moves().size() - 1; i >= 0; i--) {
            MoveRecord move = game.moves().get(i);
            if (move.valid() && move.role().equals(role)) {
                List<ChatMessage> chat = new ArrayList<>(turns.get(i).messages());
                if (move.attempt() > 0) { // drop the invalid reply and the error shown for it
                    chat = chat.subList(0, chat.size() - 2);
                }
                chat.add(ChatMessage.assistant(turns.get(i).output()));
                return java.util.Optional.of(List.copyOf(chat));
            }
        }
        return java.util.Optional.empty();
    }
}
