package org.itera.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.team.TeamCatalog;
import org.junit.jupiter.api.Test;

/** The optional per-task {@code models}: its JSON form, and what the validator accepts. */
class TaskModelsTest {

    private final TaskValidator validator = new TaskValidator(TeamCatalog.standard().subjects());

    private static String task(String models) {
        return "{\"id\": \"physics-eval/1\", \"subject\": \"physics\", \"question\": \"How fast?\", \"answer\": \"5\","
                + " \"split\": \"test\", \"round\": 2" + (models == null ? "" : ", \"models\": " + models) + "}";
    }

    private List<String> refusal(String json) {
        InvalidTaskException e = catchThrowableOfType(InvalidTaskException.class, () -> validator.parse(json));
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e.reasons();
    }

    @Test
    void aTaskWithoutModelsIsWrittenWithoutTheFieldAndReadAsNull() throws Exception {
        TaskEvent task = validator.parse(task(null));
        assertThat(task.models()).isNull();
        assertThat(task.hasModels()).isFalse();
        assertThat(Json.mapper().writeValueAsString(task)).doesNotContain("models");
        assertThat(validator.parse(task("null")).models()).isNull();
    }

    @Test
    void modelsRoundTripAndSurviveTheDefaults() throws Exception {
        TaskEvent task = validator.parse(task("{\"physics-physicist\": \"ft:gpt-4o-mini:itera:physics-physicist-r1:x1\","
                + " \"physics-synthesizer\": \"gpt-4o-mini\"}"));
        assertThat(task.models()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "physics-physicist", "ft:gpt-4o-mini:itera:physics-physicist-r1:x1", "physics-synthesizer", "gpt-4o-mini"));
        assertThat(task.hasModels()).isTrue();
        assertThat(task.withDefaults().models()).isEqualTo(task.models());
        String json = Json.mapper().writeValueAsString(task);
        assertThat(json).contains("\"models\":{");
        assertThat(Json.mapper().readValue(json, TaskEvent.class)).isEqualTo(task);
    }

    @Test
    void theNineFieldConstructorAndWithModelsKeepEverythingElse() {
        TaskEvent plain = new TaskEvent("t", null, "physics", "q", null, null, "1", "test", 3);
        assertThat(plain.models()).isNull();
        TaskEvent pinned = plain.withModels(Map.of("physics-physicist", "m1"));
        assertThat(pinned).isEqualTo(new TaskEvent("t", null, "physics", "q", null, null, "1", "test", 3,
                Map.of("physics-physicist", "m1")));
        assertThat(pinned.withModels(null)).isEqualTo(plain);
    }

    @Test
    void modelsMustBeAnObjectOfStrings() {
        assertThat(refusal(task("[\"gpt-4o-mini\"]")))
                .containsExactly("models must be an object of agent id to model id, not ARRAY");
        assertThat(refusal(task("\"gpt-4o-mini\""))).singleElement().asString().contains("not STRING");
        assertThat(refusal(task("{\"physics-physicist\": 5, \"physics-synthesizer\": {\"id\": \"m\"}}")))
                .containsExactlyInAnyOrder("model of agent 'physics-physicist' must be a string, not NUMBER",
                        "model of agent 'physics-synthesizer' must be a string, not OBJECT");
        assertThat(refusal(task("{\"physics-physicist\": null}")))
                .containsExactly("model of agent 'physics-physicist' must be a string, not NULL");
    }

    @Test
    void modelIdsMustNotBeBlankAndAgentsMustBeOfTheTasksSubject() {
        assertThat(refusal(task("{\"physics-physicist\": \"  \", \"\": \"m\", \"chemistry-chemist\": \"m\"}")))
                .containsExactlyInAnyOrder("model of agent 'physics-physicist' is blank", "models has a blank agent id",
                        "models names agent 'chemistry-chemist', which is not of subject physics (agent ids are <subject>-<role>)");
    }

    @Test
    void aBadModelsFieldIsReportedTogetherWithTheTasksOtherProblems() {
        String json = "{\"id\": \"x\", \"subject\": \"physics\", \"question\": \"q\", \"models\": 7}";
        assertThat(refusal(json)).containsExactlyInAnyOrder("missing answer",
                "models must be an object of agent id to model id, not NUMBER");
    }

    @Test
    void checkValidatesTheModelsOfAnAlreadyParsedTask() {
        TaskEvent task = new TaskEvent("t", null, "physics", "q", null, null, "1", null, null, Map.of("physics-physicist", " "));
        InvalidTaskException e = catchThrowableOfType(InvalidTaskException.class, () -> validator.check(task));
        assertThat(e.reasons()).containsExactly("model of agent 'physics-physicist' is blank");
    }
}
