package org.itera.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

/** The events survive a trip through Itera's JSON configuration unchanged. */
class EventJsonTest {

    private static final ObjectMapper JSON = Json.mapper();

    private static final TaskEvent TASK = new TaskEvent("pubmedqa/21645374", "problem-solving", "pubmedqa",
            "Is it effective?", List.of("yes", "no", "maybe"), "An abstract.", "yes", "train", 2);

    private static final Instant STARTED = Instant.parse("2025-03-01T10:15:30.123456789Z");
    private static final Instant FINISHED = Instant.parse("2025-03-01T10:15:42.5Z");

    private static Turn turn(String role, String output) {
        return new Turn(role, "gpt-4o-mini", List.of(ChatMessage.system("You are the " + role),
                ChatMessage.user("Question: Is it effective?")), output, new TokenUsage(120, 45), 830L);
    }

    private static TrajectoryEvent trajectory() {
        return new TrajectoryEvent(TrajectoryEvent.idFor(TASK, 1), TASK, TrajectoryEvent.ORIGIN_REGENERATED,
                "pubmedqa/21645374@r2#0", "analyst", 1,
                List.of(turn("analyst", "The trial shows..."), turn("solver", "Answer: yes")), STARTED, FINISHED);
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(value), type);
    }

    @Test
    void aTaskEventRoundTrips() throws Exception {
        assertThat(roundTrip(TASK, TaskEvent.class)).isEqualTo(TASK);
    }

    @Test
    void aTaskEventLeavesOutAbsentFields() throws Exception {
        TaskEvent bare = new TaskEvent("gsm8k/1", null, "gsm8k", "2+2?", null, null, "4", null, null);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(bare));

        assertThat(json.has("context")).isFalse();
        assertThat(json.has("choices")).isFalse();
        assertThat(json.has("round")).isFalse();
        assertThat(json.get("answer").asText()).isEqualTo("4");
        assertThat(roundTrip(bare, TaskEvent.class)).isEqualTo(bare);
    }

    @Test
    void aTaskEventReadsTheShapeOfTheDesignBriefAndIgnoresUnknownFields() throws Exception {
        String json = "{\"id\": \"pubmedqa/21645374\", \"setting\": \"problem-solving\", \"subject\": \"pubmedqa\","
                + " \"question\": \"Q\", \"choices\": [\"yes\",\"no\",\"maybe\"], \"context\": \"C\","
                + " \"answer\": \"yes\", \"split\": \"train\", \"meta\": {\"year\": 2011}, \"source\": \"pubmed\"}";

        TaskEvent task = JSON.readValue(json, TaskEvent.class);

        assertThat(task).isEqualTo(new TaskEvent("pubmedqa/21645374", "problem-solving", "pubmedqa", "Q",
                List.of("yes", "no", "maybe"), "C", "yes", "train", null));
    }

    @Test
    void aTrajectoryRoundTripsWithItsTimesAndTurns() throws Exception {
        TrajectoryEvent original = trajectory();

        TrajectoryEvent copy = roundTrip(original, TrajectoryEvent.class);

        assertThat(copy).isEqualTo(original);
        assertThat(copy.startedAt()).isEqualTo(STARTED);
        assertThat(copy.turns().get(1).messages().get(0)).isEqualTo(ChatMessage.system("You are the solver"));
        assertThat(copy.turns().get(0).usage().totalTokens()).isEqualTo(165);
    }

    @Test
    void timesAreWrittenAsIsoText() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(trajectory()));

        assertThat(json.get("startedAt").isTextual()).isTrue();
        assertThat(json.get("startedAt").asText()).isEqualTo("2025-03-01T10:15:30.123456789Z");
        assertThat(json.get("finishedAt").asText()).isEqualTo("2025-03-01T10:15:42.500Z");
        assertThat(json.get("turns").get(0).get("usage").get("promptTokens").asInt()).isEqualTo(120);
        assertThat(json.get("task").get("id").asText()).isEqualTo("pubmedqa/21645374");
    }

    @Test
    void aGeneratedTrajectoryLeavesOutItsMissingParent() throws Exception {
        TrajectoryEvent generated = new TrajectoryEvent("t@r0#0", TASK, TrajectoryEvent.ORIGIN_GENERATED, null,
                null, 0, List.of(turn("analyst", "x")), STARTED, null);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(generated));

        assertThat(json.has("parentId")).isFalse();
        assertThat(json.has("repairedRole")).isFalse();
        assertThat(json.get("origin").asText()).isEqualTo("generated");
        assertThat(roundTrip(generated, TrajectoryEvent.class)).isEqualTo(generated);
    }

    @Test
    void aFinetuneRecordRoundTrips() throws Exception {
        String trajectoryId = TrajectoryEvent.idFor(TASK, 0);
        FinetuneRecord record = new FinetuneRecord(FinetuneRecord.idFor(trajectoryId, "solver"), "pubmedqa-solver",
                "pubmedqa", "solver", List.of(ChatMessage.system("s"), ChatMessage.user("u"),
                        ChatMessage.assistant("Answer: yes")), trajectoryId, "generated", 2);

        FinetuneRecord copy = roundTrip(record, FinetuneRecord.class);

        assertThat(copy).isEqualTo(record);
        assertThat(copy.id()).isEqualTo("pubmedqa/21645374@r2#0/solver");
        assertThat(copy.messages()).last().isEqualTo(new ChatMessage("assistant", "Answer: yes"));
    }

    @Test
    void aGradedTrajectoryRoundTrips() throws Exception {
        GradedTrajectoryEvent graded = new GradedTrajectoryEvent(trajectory(),
                new Grade("no", "yes", false, "read 'no' from the last line"));

        GradedTrajectoryEvent copy = roundTrip(graded, GradedTrajectoryEvent.class);

        assertThat(copy).isEqualTo(graded);
        assertThat(copy.grade().correct()).isFalse();
        assertThat(copy.trajectory().startedAt()).isEqualTo(STARTED);
    }

    @Test
    void aGradeWithoutAnAnswerRoundTrips() throws Exception {
        Grade none = Grade.noAnswer("42", "no Answer: line");

        assertThat(none.extracted()).isNull();
        assertThat(none.correct()).isFalse();
        assertThat(roundTrip(none, Grade.class)).isEqualTo(none);
    }

    @Test
    void trajectoryIdsAreDeterministic() {
        TaskEvent roundless = new TaskEvent("gsm8k/12", null, "gsm8k", "q", null, null, "1", null, null);

        assertThat(TrajectoryEvent.idFor(roundless, 0)).isEqualTo("gsm8k/12@r0#0");
        assertThat(TrajectoryEvent.idFor(TASK, 3)).isEqualTo("pubmedqa/21645374@r2#3");
        assertThat(TrajectoryEvent.idFor(TASK, 3)).isEqualTo(TrajectoryEvent.idFor(TASK, 3));
        assertThat(TrajectoryEvent.idFor(TASK, 3)).isNotEqualTo(TrajectoryEvent.idFor(TASK, 4));
        assertThat(TrajectoryEvent.idFor(roundless.withDefaults(), 0)).isEqualTo(TrajectoryEvent.idFor(roundless, 0));
    }

    @Test
    void theFinalOutputIsTheLastTurnsOutput() {
        assertThat(trajectory().finalOutput()).isEqualTo("Answer: yes");
        assertThat(new TrajectoryEvent("t", TASK, "generated", null, null, 0, List.of(), null, null).finalOutput())
                .isEmpty();
        assertThat(new TrajectoryEvent("t", TASK, "generated", null, null, 0, null, null, null).finalOutput())
                .isEmpty();
    }

    @Test
    void taskDefaultsFillOnlyWhatIsMissing() {
        TaskEvent bare = new TaskEvent("x", " ", "gsm8k", "q", null, null, "1", "", null);

        assertThat(bare.withDefaults().setting()).isEqualTo("problem-solving");
        assertThat(bare.withDefaults().split()).isEqualTo("train");
        assertThat(bare.withDefaults().round()).isZero();
        assertThat(bare.roundOrZero()).isZero();
        assertThat(TASK.withDefaults()).isEqualTo(TASK);
        assertThat(TASK.roundOrZero()).isEqualTo(2);
        assertThat(bare.hasChoices()).isFalse();
        assertThat(TASK.hasChoices()).isTrue();
    }

    @Test
    void topicsListsTheSixWorkTopicsThenTheirDeadLetterTopics() {
        assertThat(Topics.WORK).containsExactly("tasks", "trajectories", "failures", "regenerated",
                "finetune-records", "model-updates");
        assertThat(Topics.all()).containsExactly("tasks", "trajectories", "failures", "regenerated",
                "finetune-records", "model-updates", "tasks-dlq", "trajectories-dlq", "failures-dlq",
                "regenerated-dlq", "finetune-records-dlq", "model-updates-dlq");
        assertThat(Topics.dlq(Topics.FAILURES)).isEqualTo("failures-dlq");
    }
}
