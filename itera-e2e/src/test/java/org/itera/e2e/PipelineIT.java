package org.itera.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator and filter services, packaged and started as separate JVMs, over a real Kafka
 * broker (in this JVM) and a MongoDB-wire store (mongo-java-server): 20 PubMedQA tasks in, exact
 * counts out, unchanged by redelivery ({@link SpineScenario}; {@link RealImagesIT} runs the same
 * over the Kafka and MongoDB images).
 */
class PipelineIT {

    static SpineScenario spine;

    @BeforeAll
    static void startPipeline() throws Exception {
        spine = SpineScenario.start(Infra.inJvm());
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (spine != null) {
            spine.close();
        }
    }

    @Test
    void twentyTasksGiveExactCountsThatRedeliveryDoesNotChange() throws Exception {
        spine.twentyTasksGiveExactCountsThatRedeliveryDoesNotChange();
    }

    @Test
    void malformedMessagesLandInTheDeadLetterTopicsAndBothServicesStayReady() throws Exception {
        spine.malformedMessagesLandInTheDeadLetterTopicsAndBothServicesStayReady();
    }
}
