package org.itera.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import org.itera.core.retry.Backoff;
import java.util.concurrent.TimeoutException;

/**
 * When to try an LLM call again: 429, 408 and 5xx answers, timeouts and dropped connections are
 * retried, on Itera's one schedule ({@link Backoff}: exponential backoff with equal jitter), waiting
 * at least the server's {@code Retry-After} when it sent one, up to {@code maxBackoff};
 * anything else (a bad request, a wrong key, an unknown model) fails at once.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static RetryPolicy from(LlmConfig.Retry retry) {
        return new RetryPolicy(Math.max(1, retry.maxAttempts()), retry.initialBackoff(), retry.maxBackoff());
    }

    /** The schedule of these settings. */
    public Backoff backoff() {
        return new Backoff(maxAttempts, initialBackoff, maxBackoff);
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
    public Duration backoffAfter(int attempt) {
        return backoff().pauseAfter(attempt);
    }

    /**
     * The pause before attempt {@code attempt + 1} after {@code error}: the schedule's, or the
     * server's {@code Retry-After} when that is longer, up to {@code maxBackoff}.
     */
    public Duration pauseAfter(int attempt, Throwable error) {
        return backoff().pauseAfter(attempt, retryAfterOf(error));
    }

    /** The {@code Retry-After} the server answered with, if the error or one of its causes carries it; else null. */
    public static Duration retryAfterOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RetryAfterHttpException http) {
                return http.retryAfter();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public static boolean isRetryable(Throwable error) {
        if (isInterruption(error)) {
            return false;
        }
        OptionalInt status = statusOf(error);
        if (status.isPresent()) {
            int code = status.getAsInt();
            return code == 408 || code == 429 || code >= 500;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NonRetriableException) {
                return false;
            }
            if (t instanceof RetriableException || t instanceof TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof IOException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the call ended because its thread was interrupted (the service is shutting down): never
     * worth retrying.
     */
    public static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** The HTTP status carried by the error or one of its causes, if any. */
    public static OptionalInt statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return OptionalInt.of(http.statusCode());
            }
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return OptionalInt.of(web.getResponse().getStatus());
            }
        }
        return OptionalInt.empty();
    }
}
