package org.itera.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * An error answer of the LLM endpoint that carried {@code Retry-After}: langchain4j's
 * {@link HttpException} (status and body, so it is classified and described as any other) plus how
 * long the server asked to wait. Thrown by {@link RetryAfterMapper}.
 */
public class RetryAfterHttpException extends HttpException {

    private final transient Duration retryAfter;

    public RetryAfterHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait before another try. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
