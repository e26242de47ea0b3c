package org.itera.core.setting.competitive;

/**
 * A reply that is not a valid move, with the reason in words meant for the player who gave it
 * (it is shown back to that player for another try).
 */
public class MoveException extends RuntimeException {

    public MoveException(String reason) {
        super(reason);
    }
}
