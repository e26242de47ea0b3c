package org.itera.finetune.openai.client;

import java.time.Duration;

/** A call to the OpenAI-compatible API that failed; the message never holds the API key. */
public class OpenAiApiException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public OpenAiApiException(int status, String message) {
        this(status, message, null);
    }

    public OpenAiApiException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** How long the server asked to wait before another try ({@code Retry-After}); null if it did not. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * 408 (timeout), 409 (conflict: a concurrent request on the same object), 429 (rate limit), 5xx
     * and no response at all (timeouts, refused or dropped connections) are worth another try.
     */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }
}
