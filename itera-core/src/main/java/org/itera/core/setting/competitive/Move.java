package org.itera.core.setting.competitive;

/**
 * A reply read as a move: its action, the trade when it proposes one, the public message the
 * opponent is shown and the private reasoning it is not.
 */
public record Move(Action action, Trade trade, String message, String reasoning) {
}
