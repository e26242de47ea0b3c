package org.itera.finetune.openai.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.itera.finetune.config.FinetuneConfig;
import org.jboss.logging.Logger;

/**
 * Runs one API call up to {@code maxAttempts} times while it fails with a retryable error
 * ({@link OpenAiApiException#retryable()}), pausing with exponential backoff and full jitter:
 * a random time between 0 and {@code min(max, initial * 2^(attempt-1))}. Other errors, and the
 * last one, are thrown as they are (their messages are already free of the API key).
 *
 * <p>itera-llm's {@code RetryPolicy} classifies langchain4j exceptions and lives in a library that
 * brings the langchain4j client with it; this service speaks HTTP itself and needs neither.
 */
public record ApiRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    private static final Logger LOG = Logger.getLogger(ApiRetry.class);

    public static ApiRetry from(FinetuneConfig.Retry retry) {
        return new ApiRetry(Math.max(1, retry.maxAttempts()), retry.initialBackoff(), retry.maxBackoff());
    }

    /** The longest pause after {@code attempt} (1-based) failed. */
    public Duration capAfter(int attempt) {
        long doubled = initialBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        return Duration.ofMillis(Math.max(0, Math.min(maxBackoff.toMillis(), doubled)));
    }

    /** The pause after {@code attempt} failed: uniformly random in [0, {@link #capAfter}]. */
    public Duration pauseAfter(int attempt) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capAfter(attempt).toMillis() + 1));
    }

    public <T> T run(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (OpenAiApiException e) {
                if (!e.retryable() || attempt >= maxAttempts) {
                    throw attempt == 1 ? e : new OpenAiApiException(e.status(),
                            e.getMessage() + " (after " + attempt + " attempts)");
                }
                Duration pause = pauseAfter(attempt);
                LOG.warnf("%s: attempt %d of %d failed, retrying in %d ms: %s", what, attempt, maxAttempts,
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
