package org.itera.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * finetune-service with the test teams {@code biomed-firsttry} (biomed's first attempts, per
 * role) and {@code biomed-pooled} (every biomed role's examples, one model for both roles) of
 * {@code src/test/resources/teams}, rounds started only by {@code POST /rounds}, on a database and
 * records topic of its own.
 */
public class TrainingRulesProfile implements QuarkusTestProfile {

    public static final String DATABASE = "itera-training";
    public static final String RECORDS_TOPIC = "finetune-records-training";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.mongo.database", DATABASE,
                "mp.messaging.incoming.finetune-records.topic", RECORDS_TOPIC,
                "itera.finetune.auto", "false");
    }
}
