package org.itera.finetune.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;
import com.mongodb.client.MongoClient;
import jakarta.inject.Inject;
import org.bson.Document;

/** The evaluation set travels with POST /rounds/{n}/evaluate; a malformed request is a 400 that says why. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class EvaluationRequestTest {

    static final String ROWS = """
            {"setting": "problem-solving", "subject": "arithmetic", "limit": 2, "run": "run-eval-test",
             "timeoutSeconds": 1, "rows": [
               {"id": "arith-eval/1", "question": "What is 2 + 3?", "answer": "5"},
               {"id": "arith-eval/2", "question": "What is 4 + 4?", "answer": "8"},
               {"id": "arith-eval/3", "question": "What is 1 + 1?", "answer": "2"}]}
            """;

    @Test
    void pushesTheRequestsRowsMarkedWithItsRunAndEndsAtItsTimeout() throws Exception {
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks")) {
            JsonNode started = Json.mapper().readTree(given().contentType("application/json").body(ROWS)
                    .post("/rounds/0/evaluate").then().statusCode(202).extract().asString());

            assertThat(started.get("tasks").asInt()).isEqualTo(2);
            assertThat(started.get("source").asText()).isEqualTo("the request's rows");
            assertThat(started.get("run").asText()).isEqualTo("run-eval-test");
            var pushed = topics.await("tasks", k -> k.startsWith("arith-eval/"), 2, Duration.ofSeconds(30));
            assertThat(pushed).extracting(r -> r.key()).containsExactlyInAnyOrder("arith-eval/1", "arith-eval/2");
            TaskEvent task = Json.mapper().readValue(pushed.get(0).value(), TaskEvent.class);
            assertThat(task.run()).isEqualTo("run-eval-test");
            assertThat(task.split()).isEqualTo("test");
            assertThat(task.subject()).isEqualTo("arithmetic");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "incomplete".equals(evaluation().path("status").asText()));
            assertThat(evaluation().get("missing").asInt()).isEqualTo(2);
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void aTaskThatWasDeadLetteredIsNotWaitedForButNamed() throws Exception {
        String body = """
                {"subject": "gsm8k", "run": "run-eval-dlq", "timeoutSeconds": 60, "rows": [
                   {"id": "gsm-eval/1", "question": "What is 2 + 3?", "answer": "5"},
                   {"id": "gsm-eval/2", "question": "What is 4 + 4?", "answer": "8"}]}
                """;
        given().contentType("application/json").body(body).post("/rounds/0/evaluate").then().statusCode(202);
        var db = mongo.getDatabase("itera");
        db.getCollection("trajectories").insertOne(new Document("_id", "gsm-eval/1@r0#0").append("taskId", "gsm-eval/1")
                .append("correct", true).append("counters", new Document("correct", 1)));
        db.getCollection("dead-letters").insertOne(new Document("_id", "tasks-dlq/0/7").append("taskId", "gsm-eval/2")
                .append("reason", "LLM call failed: HTTP 400: the prompt is over the model's context"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(evaluation("gsm8k").path("status").asText()));
        JsonNode done = evaluation("gsm8k");
        assertThat(done.get("graded").asInt()).isEqualTo(1);
        assertThat(done.get("missing").asInt()).isZero();
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(done.get("failedTasks")).extracting(JsonNode::asText).containsExactly("gsm-eval/2");
        assertThat(done.get("correct").asInt()).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreRefusedWithTheReason() {
        refused("{\"subject\": \"arithmetic\", \"file\": \"a.jsonl\", \"rows\": []}", "not both");
        refused("{\"subject\": \"arithmetic\", \"rows\": [], \"colour\": \"red\"}", "colour");
        refused("{\"subject\": \"arithmetic\", \"rows\": [], \"run\": \"a b\"}", "run id 'a b'");
        refused("{\"subject\": \"arithmetic\", \"rows\": [], \"limit\": 0}", "limit must be at least 1");
        refused("{\"subject\": \"arithmetic\", \"rows\": []}", "no evaluation tasks");
        refused("{\"subject\": \"arithmetic\", \"file\": \"/no/such/file.jsonl\"}", "/no/such/file.jsonl unreadable");
        refused("{\"subject\": \"arithmetic\", \"rows\": [{\"id\": \"x\", \"question\": \"?\"}]}", "missing answer");
        refused("not json", "not an evaluation request");
    }

    private static void refused(String body, String reason) {
        given().contentType("application/json").body(body).post("/rounds/0/evaluate")
                .then().statusCode(400).body("error", containsString(reason));
    }

    private static JsonNode evaluation() throws Exception {
        return evaluation("arithmetic");
    }

    private static JsonNode evaluation(String subject) throws Exception {
        for (JsonNode e : Json.mapper().readTree(given().get("/evaluations").then().statusCode(200).extract().asString())) {
            if (e.get("round").asInt() == 0 && subject.equals(e.get("subject").asText())) {
                return e;
            }
        }
        return Json.mapper().createObjectNode();
    }
}
