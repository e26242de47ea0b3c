package org.itera.finetune.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.finetune.round.LeaseInstances.RENEW_EVERY;
import static org.itera.finetune.round.LeaseInstances.TTL;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two instances' round leases, each with its own client, over the MongoDB wire protocol (TCP):
 * one holds it at a time, the holder keeps it by renewing, and the other takes it over once the
 * holder stops renewing (it died) and the lease is past its time to live.
 */
class RoundLeaseTest {

    @Test
    void ofTwoInstancesReachingForTheLeaseAtOnceOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 10; i++) {
                try (LeaseInstances instances = new LeaseInstances()) {
                    RoundLease a = instances.instance("a");
                    RoundLease b = instances.instance("b");
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Boolean> gotA = pool.submit(() -> {
                        go.await();
                        return a.hold();
                    });
                    Future<Boolean> gotB = pool.submit(() -> {
                        go.await();
                        return b.hold();
                    });
                    go.countDown();
                    assertThat(List.of(gotA.get(), gotB.get())).as("try %d", i).containsExactlyInAnyOrder(true, false);
                    assertThat(a.held()).isNotEqualTo(b.held());
                    assertThat(a.describe()).startsWith((a.held() ? "a" : "b") + " until ");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHolderKeepsItByRenewingAndTheOtherTakesItOverOnceTheHolderStopsRenewing() throws Exception {
        try (LeaseInstances instances = new LeaseInstances()) {
            RoundLease a = instances.instance("a");
            RoundLease b = instances.instance("b");
            assertThat(a.hold()).isTrue();

            // for more than twice the ttl, a's renewals keep it
            long until = System.nanoTime() + TTL.multipliedBy(2).plusMillis(500).toNanos();
            while (System.nanoTime() < until) {
                assertThat(b.hold()).as("b while a renews").isFalse();
                Thread.sleep(100);
            }
            assertThat(b.describe()).startsWith("a until ");

            a.stopRenewing(); // a dies: no release, no more renewals
            long stopped = System.nanoTime();
            Awaitility.await().atMost(TTL.multipliedBy(3)).pollInterval(Duration.ofMillis(50)).until(b::hold);
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isGreaterThan(TTL.minus(RENEW_EVERY).minusMillis(100));
            assertThat(b.held()).isTrue();
            assertThat(a.describe()).startsWith("b until ");

            // a comes back: the lease is b's, and b's renewals keep it past the ttl
            assertThat(a.hold()).isFalse();
            Thread.sleep(TTL.plusMillis(300).toMillis());
            assertThat(a.hold()).isFalse();
            assertThat(b.held()).isTrue();
        }
    }

    @Test
    void aHolderThatLetsGoFreesItForTheOtherAtOnce() {
        try (LeaseInstances instances = new LeaseInstances()) {
            RoundLease a = instances.instance("a");
            RoundLease b = instances.instance("b");
            assertThat(a.hold()).isTrue();
            assertThat(a.hold()).as("holding again keeps it").isTrue();
            assertThat(b.hold()).isFalse();

            a.letGo();

            assertThat(a.held()).isFalse();
            assertThat(b.hold()).isTrue();
            assertThat(a.hold()).isFalse();
        }
    }
}
