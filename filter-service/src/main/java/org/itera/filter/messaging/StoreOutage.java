package org.itera.filter.messaging;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
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
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** The service is stopping while the store was away. */
    static final class Stopped extends RuntimeException {
        Stopped(InterruptedException cause) {
            super("stopped while waiting for the store", cause);
        }
    }

    private StoreOutage() {
    }

    static void retrying(Runnable filing) {
        Duration pause = FIRST_PAUSE;
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
                LOG.warnf("the store cannot be reached (%s); filing again in %d s", e.getMessage(), pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
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
