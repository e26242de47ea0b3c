package org.itera.finetune.openai.client;

import java.time.Duration;
import java.util.function.Supplier;
import org.itera.core.retry.Backoff;
import org.itera.finetune.config.FinetuneConfig;
import org.jboss.logging.Logger;

/**
 * Runs one API call up to {@code maxAttempts} times while it fails with a retryable error
 * ({@link OpenAiApiException#retryable()}), pausing on Itera's one schedule ({@link Backoff}:
 * exponential backoff with equal jitter, as for the LLM calls, and never less than the server's
 * {@code Retry-After}, up to the longest pause). Other errors, and the last one, are thrown as they
 * are (their messages are already free of the API key).
 *
 * <p>itera-llm's {@code RetryPolicy} classifies langchain4j exceptions and lives in a library that
 * brings the langchain4j client with it; this service's REST client needs neither.
 */
public record ApiRetry(Backoff backoff) {

    private static final Logger LOG = Logger.getLogger(ApiRetry.class);

    public ApiRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this(new Backoff(maxAttempts, initialBackoff, maxBackoff));
    }

    public static ApiRetry from(FinetuneConfig.Retry retry) {
        return new ApiRetry(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff());
    }

    public int maxAttempts() {
        return backoff.maxAttempts();
    }

    public <T> T run(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (OpenAiApiException e) {
                if (!e.retryable() || attempt >= maxAttempts()) {
                    throw attempt == 1 ? e : new OpenAiApiException(e.status(),
                            e.getMessage() + " (after " + attempt + " attempts)");
                }
                Duration pause = backoff.pauseAfter(attempt, e.retryAfter());
                LOG.warnf("%s: attempt %d of %d failed, retrying in %d ms: %s", what, attempt, maxAttempts(),
                        pause.toMillis(), e.getMessage());
                sleep(pause, what);
            }
        }
    }

    private static void sleep(Duration pause, String what) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(what + " interrupted while waiting to retry");
        }
    }
}
