package org.itera.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generator, filter and finetune services as separate processes over a real broker (in this JVM)
 * and store (mongo-java-server): a round against the OpenAI mock's Files and fine-tuning API trains
 * two roles and the generator's next calls use their new models ({@link FineTuneRoundScenario};
 * {@link RealImagesIT} runs the same over the Kafka and MongoDB images).
 */
class FineTuneLoopIT {

    static FineTuneRoundScenario round;

    @BeforeAll
    static void start() throws Exception {
        round = FineTuneRoundScenario.start(Infra.inJvm());
    }

    @AfterAll
    static void stop() throws Exception {
        if (round != null) {
            round.close();
        }
    }

    @Test
    void aRoundTrainsTwoRolesAndTheGeneratorsNextCallsUseTheirNewModels() throws Exception {
        round.aRoundTrainsTwoRolesAndTheGeneratorsNextCallsUseTheirNewModels();
    }
}
