package org.itera.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The end-to-end scenarios of {@link PipelineIT}, {@link RepairLoopIT} and {@link FineTuneLoopIT}
 * (the same code: {@link SpineScenario}, {@link RepairLoopScenario}, {@link FineTuneRoundScenario})
 * with the packaged services over the Kafka and MongoDB images docker-compose.yml runs
 * ({@link RealImages}) instead of the embedded broker and mongo-java-server. Each scenario gets
 * fresh containers, as each of those ITs gets a JVM of its own. Skipped without a Docker engine.
 */
@ExtendWith(DockerRequired.class)
@Testcontainers(disabledWithoutDocker = true)
class RealImagesIT {

    @Test
    void theSpineGivesExactCountsAndDeadLettersMalformedMessages() throws Exception {
        try (RealImages images = RealImages.start("RealImagesIT-spine");
                SpineScenario spine = SpineScenario.start(images.infra())) {
            spine.twentyTasksGiveExactCountsThatRedeliveryDoesNotChange();
            spine.malformedMessagesLandInTheDeadLetterTopicsAndBothServicesStayReady();
        }
    }

    @Test
    void theRepairLoopRescuesOneTaskAndExhaustsAnother() throws Exception {
        try (RealImages images = RealImages.start("RealImagesIT-repairs");
                RepairLoopScenario repairs = RepairLoopScenario.start(images.infra())) {
            repairs.aRescuedTaskEntersTheLibraryAsRegeneratedAndAHopelessOneIsExhausted();
        }
    }

    @Test
    void aRoundAgainstTheOpenAiMockTrainsTwoRoles() throws Exception {
        try (RealImages images = RealImages.start("RealImagesIT-round");
                FineTuneRoundScenario round = FineTuneRoundScenario.start(images.infra())) {
            round.aRoundTrainsTwoRolesAndTheGeneratorsNextCallsUseTheirNewModels();
        }
    }
}
