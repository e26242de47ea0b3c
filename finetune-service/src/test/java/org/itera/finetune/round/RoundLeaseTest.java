package org.itera.finetune.round;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.finetune.store.Lease;
import org.itera.testing.MongoServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' round leases, each with its own client, over the MongoDB wire protocol (TCP):
 * one holds it at a time, the holder keeps it by renewing, and the other takes it over once the
 * holder stops renewing (it died) and the lease is past its time to live.
 */
class RoundLeaseTest {

    static final Duration TTL = Duration.ofMillis(1500);
    static final Duration RENEW_EVERY = Duration.ofMillis(300);

    final List<MongoClient> clients = new ArrayList<>();
    final List<RoundLease> leases = new ArrayList<>();
    String collection;

    @BeforeEach
    void name() {
        collection = "leases-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        leases.forEach(RoundLease::stopRenewing);
        clients.forEach(MongoClient::close);
    }

    /** One finetune-service instance's lease: its own connection, its own holder id. */
    RoundLease instance(String holder) {
        MongoClient client = MongoClients.create(MongoServerResource.connectionString());
        clients.add(client);
        MongoCollection<Document> docs = client.getDatabase("itera").getCollection(collection);
        RoundLease lease = new RoundLease(new Lease(docs, RoundLease.NAME, Clock.systemUTC()), TTL, RENEW_EVERY, holder);
        leases.add(lease);
        return lease;
    }

    @Test
    void ofTwoInstancesReachingForTheLeaseAtOnceOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 10; i++) {
                collection = "leases-" + UUID.randomUUID();
                RoundLease a = instance("a");
                RoundLease b = instance("b");
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
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHolderKeepsItByRenewingAndTheOtherTakesItOverOnceTheHolderStopsRenewing() throws Exception {
        RoundLease a = instance("a");
        RoundLease b = instance("b");
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

    @Test
    void aHolderThatLetsGoFreesItForTheOtherAtOnce() {
        RoundLease a = instance("a");
        RoundLease b = instance("b");
        assertThat(a.hold()).isTrue();
        assertThat(a.hold()).as("holding again keeps it").isTrue();
        assertThat(b.hold()).isFalse();

        a.letGo();

        assertThat(a.held()).isFalse();
        assertThat(b.hold()).isTrue();
        assertThat(a.hold()).isFalse();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverNoLongerCountsItselfTheHolder() throws Exception {
        RoundLease a = instance("a");
        RoundLease b = instance("b");
        assertThat(a.hold()).isTrue();
        a.stopRenewing(); // paused (a long GC, a network partition) past the ttl
        Thread.sleep(TTL.plusMillis(200).toMillis());
        assertThat(b.hold()).isTrue();

        assertThat(a.held()).isTrue();
        assertThat(a.hold()).isFalse();
        assertThat(a.held()).isFalse();
    }
}
