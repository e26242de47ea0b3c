package org.itera.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;

/** finetune-service started on the store {@link PooledResumeFixture} left, with that fixture's fine-tuning API. */
public class PooledResumeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.mongo.database", PooledResumeFixture.DATABASE,
                "mp.messaging.incoming.finetune-records.topic", "finetune-records-pooled-resume",
                "itera.finetune.auto", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class), new TestResourceEntry(MongoServerResource.class),
                new TestResourceEntry(PooledResumeFixture.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
