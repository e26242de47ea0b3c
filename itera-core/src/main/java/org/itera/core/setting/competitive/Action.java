package org.itera.core.setting.competitive;

import java.util.Locale;

/**
 * What a move does: make a proposal (the game's own verb: {@code OFFER}, {@code PRICE},
 * {@code GIVE ... FOR ...}), accept the opponent's standing proposal, reject it (which ends the
 * game), or wait (pass the move). Each game allows some of them ({@link GameRules#actions()}).
 */
public enum Action {
    PROPOSE, ACCEPT, REJECT, WAIT;

    /** The name recorded on a move: {@code propose}, {@code accept}, ... */
    public String recorded() {
        return name().toLowerCase(Locale.ROOT);
    }
}
