package org.itera.finetune.evaluation;

/** An evaluation that cannot start (not configured, unreadable tasks, already running). */
public class EvaluationException extends RuntimeException {

    private final int status;

    public EvaluationException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that tells the caller why. */
    public int status() {
        return status;
    }
}
