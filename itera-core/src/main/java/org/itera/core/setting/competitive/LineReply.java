package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code line} format: free text for the other player and exactly one move line. A move line
 * starts (after list marks, emphasis and a label such as {@code Move:}) with a move word: in
 * capitals it is always a move line; in other case only when what follows reads as a move (an
 * amount after the proposal verb, nothing after the others), so a sentence like "Offer accepted,
 * thanks" stays part of the message. The move ends with its sentence: in {@code OFFER 22. Thanks!}
 * the move is {@code OFFER 22} and the rest joins the message.
 */
final class LineReply {

    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:my|final|next)\\s+)*(?:move|action|decision|answer|response)\\s*[:\\-]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("^(?:[-*•>#]+|\\d+[.)])\\s*");
    private static final int MAX_MESSAGE = 600;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+\\S)");

    private LineReply() {
    }

    static Move read(String reply, MoveParser parser, String mover) {
        List<String[]> moves = new ArrayList<>();
        List<String> message = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            String[] move = moveLine(line, parser);
            if (move == null) {
                message.add(line);
            } else {
                moves.add(move);
                message.add(move[2]);
            }
        }
        if (moves.isEmpty()) {
            throw new MoveException("no move line found; " + parser.hint());
        }
        if (moves.size() > 1) {
            throw new MoveException(moves.size() + " move lines (" + String.join("; ", moves.stream()
                    .map(m -> (m[0] + " " + m[1]).strip()).toList()) + "); give exactly one");
        }
        String text = String.join("\n", message).strip();
        return parser.move(moves.get(0)[0], moves.get(0)[1], clip(text), null, mover);
    }

    /** The verb and the rest of a move line, or null when the line is not one. */
    private static String[] moveLine(String line, MoveParser parser) {
        String text = line.replace("**", "").replace("__", "").replace("`", "").strip();
        text = MARKS.matcher(text).replaceFirst("");
        text = LABEL.matcher(text).replaceFirst("").strip();
        for (String verb : parser.verbs()) {
            Matcher m = Pattern.compile("^(" + verb + ")\\b[\\s:]*(.*)$", Pattern.CASE_INSENSITIVE).matcher(text);
            if (!m.matches()) {
                continue;
            }
            String word = m.group(1);
            String rest = m.group(2).strip();
            Matcher sentenceEnd = SENTENCE_END.matcher(rest);
            String after = "";
            if (sentenceEnd.find()) { // "OFFER 22. Thanks." : the move ends with its sentence
                after = rest.substring(sentenceEnd.end()).strip();
                rest = rest.substring(0, sentenceEnd.start() + 1).strip();
            }
            boolean capitals = word.equals(verb);
            boolean readsAsMove = verb.equals(parser.verbs().get(0)) ? rest.matches("\\$?\\s*-?\\d.*")
                    : rest.isEmpty() || rest.matches("[.!]+");
            return capitals || readsAsMove ? new String[] {word, rest, after} : null;
        }
        return null;
    }

    static String clip(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
