package org.itera.finetune;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.itera.finetune.round.RoundLease;
import org.itera.finetune.store.Collections;
import org.itera.finetune.store.Lease;
import org.itera.testing.MongoServerResource;

/**
 * {@link ResumeFixture}'s round 1 left running, but by an instance that is still alive: before the
 * service starts, "the other instance" takes the round lease and keeps renewing it until
 * {@link #otherInstanceDies()}.
 */
public class TakeOverFixture extends ResumeFixture {

    static final String DATABASE = "itera-takeover";
    static final String OTHER = "other-instance";
    static final Duration TTL = Duration.ofSeconds(2);
    static final Duration RENEW_EVERY = Duration.ofMillis(300);

    private static MongoClient mongo;
    private static RoundLease other;

    @Override
    protected String database() {
        return DATABASE;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        mongo = MongoClients.create(MongoServerResource.connectionString());
        other = new RoundLease(new Lease(mongo.getDatabase(DATABASE).getCollection(Collections.LEASES), RoundLease.NAME,
                Clock.systemUTC()), TTL, RENEW_EVERY, OTHER);
        if (!other.hold()) {
            throw new IllegalStateException("the other instance could not take the round lease");
        }
        return config;
    }

    /** The other instance stops renewing, as a dead one does; its lease lapses after the ttl. */
    static void otherInstanceDies() {
        other.stopRenewing();
    }

    @Override
    public void stop() {
        if (other != null) {
            other.stopRenewing();
        }
        if (mongo != null) {
            mongo.close();
        }
        super.stop();
    }
}
