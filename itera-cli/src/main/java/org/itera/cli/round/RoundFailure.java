package org.itera.cli.round;

/** A round step that cannot go on, with a message for the person running it. */
public final class RoundFailure extends RuntimeException {

    RoundFailure(String message) {
        super(message);
    }
}
