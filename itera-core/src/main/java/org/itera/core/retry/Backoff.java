package org.itera.core.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry schedule of Itera (the LLM calls and the OpenAI fine-tuning API alike): at most
 * {@code maxAttempts} attempts; after attempt n failed, a pause with exponential backoff and equal
 * jitter, uniformly random between half of {@code cap(n) = min(max, initial * 2^(n-1))} and all of
 * it, so that retries spread out and a rate-limited call always waits; and never less than a
 * server's {@code Retry-After}, when it gave one (up to the maximum).
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

    public Backoff {
        maxAttempts = Math.max(1, maxAttempts);
    }

    /** The longest pause after {@code attempt} (1-based) failed. */
    public Duration capAfter(int attempt) {
        long doubled = initial.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        return Duration.ofMillis(Math.max(1, Math.min(max.toMillis(), doubled)));
    }

    /** The pause after {@code attempt} failed: uniformly random in [cap / 2, cap]. */
    public Duration pauseAfter(int attempt) {
        long cap = capAfter(attempt).toMillis();
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    /** The pause after {@code attempt} failed with the server asking for {@code retryAfter} (null: it did not). */
    public Duration pauseAfter(int attempt, Duration retryAfter) {
        Duration pause = pauseAfter(attempt);
        if (retryAfter == null || retryAfter.compareTo(pause) <= 0) {
            return pause;
        }
        return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }

    /** Whether another attempt follows a failed {@code attempt}. */
    public boolean allowsAnotherAfter(int attempt) {
        return attempt < maxAttempts;
    }
}
