package org.itera.cli.round;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

/** The report of an actor-critic round: its own evaluations only, the rates and the paired test. */
class RoundReportTest {

    private static String evaluation(String setting, int round, int correct, int tp, String outcomes) {
        return "{\"_id\": \"x\", \"setting\": \"" + setting + "\", \"subject\": \"arithmetic\", \"round\": " + round
                + ", \"status\": \"done\", \"n\": 4, \"correct\": " + correct
                + ", \"ci95\": {\"low\": 0.1, \"high\": 0.9}, \"models\": {\"arithmetic-actor\": \"m" + round + "\"},"
                + " \"rates\": {\"tpAccuracy\": {\"successes\": " + tp + ", \"trials\": 4, \"value\": " + tp / 4.0
                + ", \"ci95\": {\"low\": 0.05, \"high\": 0.7}}, \"overallAccuracy\": {\"successes\": " + correct
                + ", \"trials\": 4, \"value\": " + correct / 4.0 + ", \"ci95\": {\"low\": 0.1, \"high\": 0.9}}},"
                + " \"outcomes\": " + outcomes + "}";
    }

    private static String outcomes(boolean... correct) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < correct.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"taskId\": \"t").append(i).append("\", \"correct\": ")
                    .append(correct[i]).append('}');
        }
        return json.append(']').toString();
    }

    @Test
    void comparesTheSettingsRatesAndTheTasksOneByOne() throws Exception {
        JsonNode list = Json.mapper().readTree("[" + evaluation("actor-critic", 0, 1, 1, outcomes(true, false, false, false))
                + "," + evaluation("problem-solving", 1, 0, 0, outcomes(false, false, false, false))
                + "," + evaluation("actor-critic", 1, 3, 2, outcomes(true, true, true, false)) + "]");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new RoundReport(list, Optional.of("arithmetic"), "actor-critic").print(0, 1, new PrintStream(bytes, true));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Accuracy on the test split, arithmetic (actor-critic):")
                .contains("before (round 0): 1/4 = 25.0%").contains("after  (round 1): 3/4 = 75.0%")
                .contains("tpAccuracy: 1/4 = 25.0% (95% CI 5.0-70.0%) -> 2/4 = 50.0% (95% CI 5.0-70.0%)")
                .contains("overallAccuracy: 1/4 = 25.0% (95% CI 10.0-90.0%) -> 3/4 = 75.0% (95% CI 10.0-90.0%)")
                .contains("task by task (4 paired): right only after 2, only before 0; sign test p = 0.5000")
                .contains("arithmetic-actor: m1");
    }
}
