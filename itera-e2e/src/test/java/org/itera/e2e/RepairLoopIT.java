package org.itera.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generator, filter and feedback services as separate processes over a real broker (in this JVM)
 * and store (mongo-java-server): one task is wrong at first, repaired and rescued; another stays
 * wrong and is exhausted after its budget of two repairs ({@link RepairLoopScenario};
 * {@link RealImagesIT} runs the same over the Kafka and MongoDB images).
 */
class RepairLoopIT {

    static RepairLoopScenario repairs;

    @BeforeAll
    static void start() throws Exception {
        repairs = RepairLoopScenario.start(Infra.inJvm());
    }

    @AfterAll
    static void stop() throws Exception {
        if (repairs != null) {
            repairs.close();
        }
    }

    @Test
    void aRescuedTaskEntersTheLibraryAsRegeneratedAndAHopelessOneIsExhausted() throws Exception {
        repairs.aRescuedTaskEntersTheLibraryAsRegeneratedAndAHopelessOneIsExhausted();
    }
}
