package org.itera.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

/** What the settings seam adds to the events, and what it leaves as it was. */
class SettingShapesTest {

    private static TaskEvent task(String setting) {
        return new TaskEvent("pubmedqa/1", setting, "pubmedqa", "q", null, null, "yes", "train", 3);
    }

    @Test
    void problemSolvingTrajectoryIdsAreAsBefore() {
        assertThat(TrajectoryEvent.idFor(task("problem-solving"), 2)).isEqualTo("pubmedqa/1@r3#2");
        assertThat(TrajectoryEvent.idFor(task(null), 0)).isEqualTo("pubmedqa/1@r3#0");
    }

    @Test
    void anotherSettingsTrajectoryIdsCarryTheSetting() {
        assertThat(TrajectoryEvent.idFor(task("actor-critic"), 0)).isEqualTo("actor-critic:pubmedqa/1@r3#0");
    }

    @Test
    void aTurnWithoutAStepHasNoStepInItsJson() throws Exception {
        Turn plain = new Turn("solver", "m", List.of(ChatMessage.user("u")), "out", TokenUsage.NONE, 4);

        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(plain));

        assertThat(json.has("step")).isFalse();
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("role", "model", "messages", "output", "usage", "latencyMs");
    }

    @Test
    void aTurnWithAStepKeepsItThroughJson() throws Exception {
        Turn judged = new Turn("judge", "m", List.of(ChatMessage.user("u")), "Verdict: accept", TokenUsage.NONE, 4)
                .withStep("judge");

        Turn back = Json.mapper().readValue(Json.mapper().writeValueAsString(judged), Turn.class);

        assertThat(back).isEqualTo(judged);
        assertThat(back.step()).isEqualTo("judge");
    }
}
