package org.itera.finetune.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.finetune.round.LeaseInstances.TTL;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A holder that lost the lease without dying learns it at its next renewal and stops its rounds
 * ({@link RoundLease#onLost}): when another instance took the lease over while it was paused, and
 * when it could not reach the store for the ttl (by then another may have it).
 */
class RoundLeaseLossTest {

    @Test
    void aHolderPausedPastTheTtlWhileAnotherTookTheLeaseStopsAtItsNextRenewal() throws Exception {
        try (LeaseInstances instances = new LeaseInstances()) {
            RoundLease a = instances.instance("a");
            RoundLease b = instances.instance("b");
            AtomicInteger stopped = new AtomicInteger();
            a.onLost(stopped::incrementAndGet);
            assertThat(a.hold()).isTrue();
            a.stopRenewing(); // paused: a long GC, say
            Thread.sleep(TTL.plusMillis(200).toMillis());
            assertThat(b.hold()).isTrue();
            assertThat(a.held()).isTrue();

            a.renew();

            assertThat(a.held()).isFalse();
            assertThat(stopped).hasValue(1);
            assertThat(a.describe()).startsWith("b until ");
        }
    }

    @Test
    void aHolderCutOffFromTheStoreKeepsTheLeaseUntilTheTtlThenGivesItUp() throws Exception {
        try (LeaseInstances instances = new LeaseInstances()) {
            RoundLease a = instances.instance("a");
            AtomicInteger stopped = new AtomicInteger();
            a.onLost(stopped::incrementAndGet);
            assertThat(a.hold()).isTrue();
            a.stopRenewing();
            instances.cutOff("a");

            a.renew(); // fails, but the lease is still a's for the rest of its ttl
            assertThat(a.held()).isTrue();
            assertThat(stopped).hasValue(0);

            Thread.sleep(TTL.plusMillis(100).toMillis());
            a.renew();
            assertThat(a.held()).isFalse();
            assertThat(stopped).hasValue(1);

            RoundLease b = instances.instance("b");
            assertThat(b.hold()).as("the lease a gave up, taken by another instance").isTrue();
        }
    }
}
