package org.itera.quarkus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** While the store cannot be reached an operation is run again, not failed; other failures are not retried. */
class StoreOutageTest {

    @Test
    void aFilingIsRunAgainUntilTheStoreIsBack() {
        AtomicInteger runs = new AtomicInteger();
        StoreOutage.retrying((Runnable) () -> {
            if (runs.incrementAndGet() == 1) {
                throw new MongoTimeoutException("Timed out while waiting for a server");
            }
            if (runs.get() == 2) {
                throw new IllegalStateException("wrapped", new MongoSocketOpenException("refused", new ServerAddress()));
            }
        });
        assertThat(runs).hasValue(3);
    }

    @Test
    void aReadIsRunAgainAndReturnsItsResult() {
        AtomicInteger runs = new AtomicInteger();
        boolean done = StoreOutage.retrying(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new MongoTimeoutException("Timed out while waiting for a server");
            }
            return true;
        });
        assertThat(done).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> StoreOutage.retrying((Runnable) () -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("trajectory x has no turns");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(1);
        assertThat(StoreOutage.isOutage(new RuntimeException("duplicate key"))).isFalse();
    }

    @Test
    void aStopWhileWaitingEndsTheWaitWithoutFailingTheFiling() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread filing = new Thread(() -> {
            try {
                StoreOutage.retrying((Runnable) () -> {
                    throw new MongoTimeoutException("Timed out while waiting for a server");
                });
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        filing.start();
        Thread.sleep(300);
        filing.interrupt();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(StoreOutage.Stopped.class);
    }
}
