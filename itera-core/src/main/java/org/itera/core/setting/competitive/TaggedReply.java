package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code tagged} format: {@code <message>} (public, required), {@code <action>} (required: the
 * proposal verb, ACCEPT, REJECT or WAIT), {@code <proposal>} (the terms, required with the proposal
 * verb; absent or NONE otherwise) and {@code <thinking>} (private, optional). Tag names ignore case
 * and spaces inside the brackets; each tag at most once, and closed.
 */
final class TaggedReply {

    private TaggedReply() {
    }

    static Move read(String reply, MoveParser parser, String mover) {
        List<String> errors = new ArrayList<>();
        String message = tag(reply, "message", true, errors);
        String action = tag(reply, "action", true, errors);
        String proposal = tag(reply, "proposal", false, errors);
        String thinking = tag(reply, "thinking", false, errors);
        if (!errors.isEmpty()) {
            throw new MoveException(String.join("; ", errors));
        }
        String verb = action.replaceAll("[.!]+$", "").strip();
        boolean proposes = parser.action(verb).filter(a -> a == Action.PROPOSE).isPresent();
        if (proposes && (proposal == null || proposal.isBlank() || proposal.equalsIgnoreCase("none"))) {
            throw new MoveException(verb.toUpperCase(Locale.ROOT) + " needs its terms in <proposal>");
        }
        if (!proposes && proposal != null && !proposal.isBlank() && !proposal.equalsIgnoreCase("none")) {
            throw new MoveException("<proposal> goes only with " + parser.verbs().get(0) + ", not with " + verb);
        }
        return parser.move(verb, proposes ? proposal : "", LineReply.clip(message), thinking, mover);
    }

    /** The text inside the one {@code <name>...</name>}; null when absent (an error when required). */
    private static String tag(String reply, String name, boolean required, List<String> errors) {
        Matcher open = Pattern.compile("<\\s*" + name + "\\s*>", Pattern.CASE_INSENSITIVE).matcher(reply);
        List<Integer> starts = new ArrayList<>();
        while (open.find()) {
            starts.add(open.end());
        }
        if (starts.isEmpty()) {
            if (required) {
                errors.add("missing <" + name + ">");
            }
            return null;
        }
        if (starts.size() > 1) {
            errors.add("<" + name + "> appears " + starts.size() + " times; give it once");
            return null;
        }
        Matcher close = Pattern.compile("<\\s*/\\s*" + name + "\\s*>", Pattern.CASE_INSENSITIVE).matcher(reply);
        if (!close.find(starts.get(0))) {
            errors.add("<" + name + "> is not closed with </" + name + ">");
            return null;
        }
        return reply.substring(starts.get(0), close.start()).strip();
    }
}
