package org.itera.core.setting.competitive;

import java.util.Locale;

/**
 * How a player writes a move (per game, as data):
 * <ul>
 * <li>{@code line}: free text to the other player and one move line, e.g. {@code OFFER 40},
 * {@code ACCEPT};</li>
 * <li>{@code tagged}: {@code <thinking>} (private, optional), {@code <message>} (public),
 * {@code <action>} (the verb) and, with a proposal, {@code <proposal>} (its terms).</li>
 * </ul>
 */
public enum ReplyFormat {
    LINE, TAGGED;

    public static ReplyFormat parse(String name) {
        for (ReplyFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown reply format '" + name + "' (line or tagged)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
