package org.itera.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;

/**
 * finetune-service started on a store in which a stopped instance left round 1 running
 * ({@link ResumeFixture}), with that fixture's fine-tuning API instead of the shared mock.
 */
public class ResumeProfile implements QuarkusTestProfile {

    public static final String DATABASE = "itera-resume";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.mongo.database", DATABASE,
                "mp.messaging.incoming.finetune-records.topic", "finetune-records-resume",
                "itera.finetune.auto", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class), new TestResourceEntry(MongoServerResource.class),
                new TestResourceEntry(ResumeFixture.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
