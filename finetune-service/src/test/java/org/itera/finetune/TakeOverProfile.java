package org.itera.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;

/** finetune-service beside another, live instance that holds the round lease ({@link TakeOverFixture}). */
public class TakeOverProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.mongo.database", TakeOverFixture.DATABASE,
                "mp.messaging.incoming.finetune-records.topic", "finetune-records-takeover",
                "itera.finetune.auto", "false",
                "itera.finetune.lease.ttl", TakeOverFixture.TTL.toMillis() + "ms",
                "itera.finetune.lease.renew-every", TakeOverFixture.RENEW_EVERY.toMillis() + "ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class), new TestResourceEntry(MongoServerResource.class),
                new TestResourceEntry(TakeOverFixture.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
