package org.itera.quarkus.store;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.itera.core.retry.Backoff;
import org.jboss.logging.Logger;

/**
 * Runs a store operation again while the store cannot be reached, instead of letting the failure
 * dead-letter messages that are fine (filter-service's filing, feedback-service's repair ledger):
 * the operations are idempotent, so a retry after a partial write changes nothing. Pauses 1 s,
 * doubling up to 30 s; readiness says DOWN meanwhile (the Mongo health check). Any other failure
 * is thrown at once. Interrupted (the service stops), it throws {@link Stopped}: the caller then
 * neither acknowledges nor dead-letters its message, which comes again after the restart.
 */
public final class StoreOutage {

    private static final Logger LOG = Logger.getLogger(StoreOutage.class);
    /** Itera's one retry schedule, without a limit on attempts; its cap (no jitter) is the pause. */
    private static final Backoff SCHEDULE = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The service is stopping while the store was away. */
    public static final class Stopped extends RuntimeException {
        Stopped(InterruptedException cause) {
            super("stopped while waiting for the store", cause);
        }
    }

    private StoreOutage() {
    }

    /** Runs {@code operation}, again after each pause while the store is away. */
    public static void retrying(Runnable operation) {
        retrying(() -> {
            operation.run();
            return null;
        });
    }

    /** Runs {@code operation} and returns its result, again after each pause while the store is away. */
    public static <T> T retrying(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = operation.get();
                if (attempt > 1) {
                    LOG.infof("the store is back; done after %d attempts", attempt);
                }
                return result;
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                Duration pause = SCHEDULE.capAfter(attempt);
                LOG.warnf("the store cannot be reached (%s); trying again in %d s", e.getMessage(), pause.toSeconds());
                sleep(pause);
            }
        }
    }

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(e);
        }
    }
}
