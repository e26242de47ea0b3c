package org.itera.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * finetune-service in {@code continue} mode, rounds started only by {@code POST /rounds}, and every
 * round evaluated by itself on chemistry tasks. It has a database and a records topic of its own,
 * so what other test classes of the JVM produce does not reach it.
 */
public class ContinueProfile implements QuarkusTestProfile {

    public static final String DATABASE = "itera-continue";
    public static final String RECORDS_TOPIC = "finetune-records-continue";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("itera.mongo.database", DATABASE,
                "mp.messaging.incoming.finetune-records.topic", RECORDS_TOPIC,
                "itera.finetune.auto", "false",
                "itera.finetune.mode", "continue",
                "itera.finetune.evaluate-after-round", "true",
                "itera.finetune.evaluation.subject", "chemistry",
                "itera.finetune.evaluation.file", "src/test/resources/evaluation/chemistry-test.jsonl",
                "itera.finetune.evaluation.limit", "3");
    }
}
