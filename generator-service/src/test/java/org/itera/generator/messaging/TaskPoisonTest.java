package org.itera.generator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.task.TaskValidator;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.Poison;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison on {@code tasks} (broken, over 256 KB, wrong types, missing fields, unknown subject or
 * setting) between two good tasks: each poison lands on {@code tasks-dlq} with a reason that names
 * its problem and costs no LLM call, both good tasks become trajectories, and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TaskPoisonTest {

    @InjectOpenAiMock
    OpenAiMock llm;

    TopicWatcher topics;

    @BeforeEach
    void watch() {
        llm.server().resetAll();
        llm.replyByDefault("gpt-4o-mini-2024-07-18", "3 + 4 = 7.\nAnswer: 7");
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "trajectories", "tasks-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheTasksAroundItBecomeTrajectories() throws Exception {
        String before = "arithmetic/" + UUID.randomUUID();
        String after = "arithmetic/" + UUID.randomUUID();
        String good = task(before);
        List<Poison> poison = poison(good);

        topics.send("tasks", before, good);
        topics.send("tasks", poison);
        topics.send("tasks", after, task(after));

        topics.awaitDeadLetters("tasks-dlq", poison, Duration.ofSeconds(60));
        for (String id : List.of(before, after)) {
            var record = topics.await("trajectories", id::equals, 1, Duration.ofSeconds(60)).get(0);
            TrajectoryEvent trajectory = Json.mapper().readValue(record.value(), TrajectoryEvent.class);
            assertThat(trajectory.id()).isEqualTo(id + "@r0#0");
            assertThat(trajectory.finalOutput()).endsWith("Answer: 7");
        }
        assertThat(topics.records("tasks-dlq", k -> k.equals(before) || k.equals(after))).isEmpty();
        assertThat(topics.records("trajectories", k -> k.startsWith("poison-"))).isEmpty();
        assertThat(llm.server().getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("padding"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static String task(String id) {
        return TaskProcessorTest.taskJson(id, "arithmetic", "What is 3 + 4? (" + id + ")", "7");
    }

    static List<Poison> poison(String good) {
        List<Poison> poison = new ArrayList<>(Poison.common("task", good, TaskValidator.MAX_TASK_BYTES));
        poison.add(Poison.of("round-not-a-number", Poison.edit(good, t -> t.put("round", "first")), "field 'round'"));
        poison.add(Poison.of("choices-not-a-list", Poison.edit(good, t -> t.put("choices", "yes or no")),
                "field 'choices'"));
        poison.add(Poison.of("no-question", Poison.edit(good, t -> t.remove("question")), "missing question"));
        poison.add(Poison.of("no-id", Poison.edit(good, t -> t.remove("id")), "missing id"));
        poison.add(Poison.of("unknown-subject", Poison.edit(good, t -> t.put("subject", "astrology")),
                "unknown subject 'astrology'"));
        poison.add(Poison.of("unknown-setting", Poison.edit(good, t -> t.put("setting", "debate")),
                "unsupported setting 'debate'"));
        return poison;
    }
}
