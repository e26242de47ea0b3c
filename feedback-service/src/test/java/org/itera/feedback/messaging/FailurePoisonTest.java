package org.itera.feedback.messaging;

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
import org.itera.feedback.Failures;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.Poison;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison on {@code failures} (broken, oversize, wrong types, missing fields, unknown subject or
 * setting) between two good failures: each poison lands on {@code failures-dlq} with a reason that
 * names its problem, both good failures are repaired, and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
public class FailurePoisonTest {

    @InjectOpenAiMock
    OpenAiMock llm;

    TopicWatcher topics;

    @BeforeEach
    void script() {
        llm.server().resetAll();
        FailureConsumerTest.scriptRepairs(llm);
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "regenerated", "failures-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheFailuresAroundItAreRepaired() throws Exception {
        String before = "pubmedqa/" + UUID.randomUUID();
        String after = "pubmedqa/" + UUID.randomUUID();
        String good = failure(before);
        List<Poison> poison = poison(good);

        topics.send("failures", before, good);
        topics.send("failures", poison);
        topics.send("failures", after, failure(after));

        topics.awaitDeadLetters("failures-dlq", poison, Duration.ofSeconds(60));
        for (String id : List.of(before, after)) {
            var repaired = topics.await("regenerated", id::equals, 1, Duration.ofSeconds(60)).get(0);
            assertThat(Json.mapper().readValue(repaired.value(), TrajectoryEvent.class).id()).isEqualTo(id + "@r0#1");
        }
        assertThat(topics.records("failures-dlq", k -> k.equals(before) || k.equals(after))).isEmpty();
        assertThat(topics.records("regenerated", k -> k.startsWith("poison-"))).isEmpty();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static String failure(String taskId) throws Exception {
        return Json.mapper().writeValueAsString(Failures.pubmedqa(taskId, "Does exercise lower blood pressure?", 0));
    }

    static List<Poison> poison(String good) {
        List<Poison> poison = new ArrayList<>(Poison.common("graded trajectory", good));
        poison.add(Poison.of("turns-not-a-list", Poison.editAt(good, t -> t.put("turns", "all of them"), "trajectory"),
                "field 'trajectory.turns'"));
        poison.add(Poison.of("attempt-not-a-number", Poison.editAt(good, t -> t.put("attempt", "first"), "trajectory"),
                "field 'trajectory.attempt'"));
        poison.add(Poison.of("no-trajectory", Poison.edit(good, f -> f.remove("trajectory")),
                "failure carries no trajectory"));
        poison.add(Poison.of("no-task", Poison.editAt(good, t -> t.remove("task"), "trajectory"),
                "carries no task"));
        poison.add(Poison.of("no-turns", Poison.editAt(good, t -> t.remove("turns"), "trajectory"), "has no turns"));
        poison.add(Poison.of("unknown-subject", Poison.editAt(good, t -> t.put("subject", "astrology"),
                "trajectory", "task"), "unknown subject 'astrology'"));
        poison.add(Poison.of("unknown-setting", Poison.editAt(good, t -> t.put("setting", "debate"),
                "trajectory", "task"), "unsupported setting 'debate'"));
        return poison;
    }
}
