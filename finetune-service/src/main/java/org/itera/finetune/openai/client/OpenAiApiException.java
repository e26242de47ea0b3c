package org.itera.finetune.openai.client;

/** A call to the OpenAI-compatible API that failed; the message never holds the API key. */
public class OpenAiApiException extends RuntimeException {

    private final int status;

    public OpenAiApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /**
     * 408 (timeout), 409 (conflict: a concurrent request on the same object), 429 (rate limit), 5xx
     * and no response at all (timeouts, refused or dropped connections) are worth another try.
     */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }
}
