package org.itera.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** finetune-service evaluating arithmetic in the actor-critic setting, on a database of its own. */
public class ActorCriticProfile implements QuarkusTestProfile {

    public static final String DATABASE = "itera-actor-critic";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.mongo.database", DATABASE,
                "mp.messaging.incoming.finetune-records.topic", "finetune-records-actor-critic",
                "itera.finetune.auto", "false",
                "itera.finetune.evaluation.setting", "actor-critic",
                "itera.finetune.evaluation.subject", "arithmetic",
                "itera.finetune.evaluation.file", "src/test/resources/evaluation/arithmetic-test.jsonl",
                "itera.finetune.evaluation.limit", "4");
    }
}
