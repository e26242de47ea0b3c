package org.itera.generator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/** {@code POST /tasks} writes valid batches to the real `tasks` topic and refuses invalid ones whole. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TaskResourceTest {

    @Test
    void aJsonArrayOfValidTasksIsWrittenToTheTasksTopic() {
        String prefix = "rest-" + UUID.randomUUID() + "/";
        String body = "[" + task(prefix + "1", "gsm8k") + "," + task(prefix + "2", "physics") + "]";
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks")) {
            given().contentType("application/json").body(body).post("/tasks")
                    .then().statusCode(202).body("submitted", equalTo(2));

            var records = topics.await("tasks", k -> k.startsWith(prefix), 2, Duration.ofSeconds(20));
            assertThat(records).extracting(r -> r.key()).containsExactlyInAnyOrder(prefix + "1", prefix + "2");
            assertThat(records.get(0).value()).contains("\"setting\":\"problem-solving\"", "\"split\":\"train\"");
        }
    }

    @Test
    void jsonLinesWithAnInvalidTaskAreRefusedWholeWithEachProblemNamed() {
        String prefix = "rest-" + UUID.randomUUID() + "/";
        String body = task(prefix + "ok", "gsm8k") + "\n"
                + "{\"id\":\"" + prefix + "no-answer\",\"subject\":\"gsm8k\",\"question\":\"1+1?\"}\n"
                + "\n"
                + task(prefix + "odd", "alchemy") + "\n";
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks")) {
            given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/tasks")
                    .then().statusCode(400)
                    .body("error", containsString("2 of 3 tasks are invalid; nothing was submitted"))
                    .body("invalid", hasSize(2))
                    .body("invalid[0].item", equalTo(2))
                    .body("invalid[0].reasons[0]", equalTo("missing answer"))
                    .body("invalid[1].item", equalTo(4))
                    .body("invalid[1].reasons[0]", containsString("unknown subject 'alchemy'"));

            topics.send("tasks", "marker-" + prefix, task("marker-" + prefix, "gsm8k"));
            topics.await("tasks", ("marker-" + prefix)::equals, 1, Duration.ofSeconds(20));
            assertThat(topics.records("tasks", k -> k.startsWith(prefix))).isEmpty();
        }
    }

    @Test
    void oversizedAndEmptyBodiesAreRefusedWithAClearReason() {
        String huge = "x".repeat(300 * 1024);
        given().contentType("application/json").body("[" + task("big", "gsm8k").replace("1+1?", huge) + "]")
                .post("/tasks").then().statusCode(400).body("invalid[0].reasons[0]", containsString("over the limit"));
        given().contentType("application/json").body("   ").post("/tasks")
                .then().statusCode(400).body("error", containsString("the body is empty"));
        given().contentType("application/json").body("[{\"id\": ").post("/tasks")
                .then().statusCode(400).body("error", containsString("not a valid JSON array"));
    }

    private static String task(String id, String subject) {
        return "{\"id\":\"" + id + "\",\"subject\":\"" + subject + "\",\"question\":\"1+1?\",\"answer\":\"2\"}";
    }
}
