package org.itera.finetune.round;

/** A round was asked for while another one is running. */
public class RoundRunningException extends RuntimeException {

    public RoundRunningException(String message) {
        super(message);
    }
}
