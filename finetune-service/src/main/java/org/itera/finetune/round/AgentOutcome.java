package org.itera.finetune.round;

/** How an agent's part of a round ended. */
public enum AgentOutcome {
    /** A new model was registered and announced. */
    TRAINED,
    /** Skipped, failed, cancelled, timed out or in error: recorded with the reason, the agent keeps its model. */
    NOT_TRAINED,
    /** The service is stopping: the job record is left as it is, to be resumed on the next start. */
    INTERRUPTED
}
