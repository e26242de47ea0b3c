package org.itera.llm;

/** An agent's call that failed for good: not retryable, or out of attempts. */
public class LlmCallException extends RuntimeException {

    public LlmCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
