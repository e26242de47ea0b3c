package org.itera.finetune.round;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.itera.finetune.store.Lease;
import org.itera.testing.MongoServerResource;

/**
 * finetune-service instances as far as the round lease goes: each with its own MongoDB client
 * (over TCP to mongo-java-server) and holder id, all on one fresh collection.
 */
final class LeaseInstances implements AutoCloseable {

    static final Duration TTL = Duration.ofMillis(1500);
    static final Duration RENEW_EVERY = Duration.ofMillis(300);

    private final String collection = "leases-" + UUID.randomUUID();
    private final Map<String, MongoClient> clients = new LinkedHashMap<>();
    private final Map<String, RoundLease> leases = new LinkedHashMap<>();

    RoundLease instance(String holder) {
        MongoClient client = MongoClients.create(MongoServerResource.connectionString());
        clients.put(holder, client);
        RoundLease lease = new RoundLease(new Lease(client.getDatabase("itera").getCollection(collection),
                RoundLease.NAME, Clock.systemUTC()), TTL, RENEW_EVERY, holder);
        leases.put(holder, lease);
        return lease;
    }

    /** The instance loses its connection to the store (its client is closed). */
    void cutOff(String holder) {
        clients.get(holder).close();
    }

    @Override
    public void close() {
        leases.values().forEach(RoundLease::stopRenewing);
        clients.values().forEach(MongoClient::close);
    }
}
