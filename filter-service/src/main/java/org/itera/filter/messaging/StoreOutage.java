package org.itera.filter.messaging;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import org.itera.core.retry.Backoff;
import org.jboss.logging.Logger;

/**
 * Runs a filing again while the store cannot be reached, instead of letting the failure
 * dead-letter trajectories that are fine: filing is idempotent, so a retry after a partial write
 * changes nothing. Pauses 1 s, doubling up to 30 s; readiness says DOWN meanwhile (the Mongo
 * health check). Any other failure is thrown at once. Interrupted (the service stops), it throws
 * {@link Stopped}: the batch is then neither acknowledged nor dead-lettered, and comes again
 * after the restart.
 */
final class StoreOutage {

    private static final Logger LOG = Logger.getLogger(StoreOutage.class);
    /** Itera's one retry schedule, without a limit on attempts; its cap (no jitter) is the pause. */
    private static final Backoff SCHEDULE = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The service is stopping while the store was away. */
    static final class Stopped extends RuntimeException {
        Stopped(InterruptedException cause) {
            super("stopped while waiting for the store", cause);
        }
    }

    private StoreOutage() {
    }

    static void retrying(Runnable filing) {
        for (int attempt = 1; ; attempt++) {
            try {
                filing.run();
                if (attempt > 1) {
                    LOG.infof("the store is back; filed after %d attempts", attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                Duration pause = SCHEDULE.capAfter(attempt);
                LOG.warnf("the store cannot be reached (%s); filing again in %d s", e.getMessage(), pause.toSeconds());
                sleep(pause);
            }
        }
    }

    static boolean isOutage(Throwable e) {
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
