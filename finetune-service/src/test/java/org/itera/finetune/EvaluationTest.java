package org.itera.finetune;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * An evaluation pushes the configured test tasks with its round, waits for exactly their graded
 * trajectories (as filter-service stores them) and records accuracy with a Wilson interval.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class EvaluationTest {

    @Test
    void evaluatesItsOwnTasksOfTheRoundAndIgnoresOtherTrajectories() throws Exception {
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks");
                MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            MongoCollection<Document> trajectories = mongo.getDatabase("itera").getCollection("trajectories");
            JsonNode started = json(given().post("/rounds/0/evaluate").then().statusCode(202).extract().asString());
            assertThat(started.get("tasks").asInt()).isEqualTo(4);
            assertThat(started.at("/models/physics-physicist").asText()).isEqualTo("gpt-4o-mini");
            given().post("/rounds/0/evaluate").then().statusCode(409);
            given().post("/rounds/99/evaluate").then().statusCode(404);

            var pushed = topics.await("tasks", k -> k.startsWith("physics-eval/"), 4, Duration.ofSeconds(30));
            assertThat(pushed).extracting(r -> r.key())
                    .containsExactlyInAnyOrder("physics-eval/1", "physics-eval/2", "physics-eval/3", "physics-eval/4");
            TaskEvent task = Json.mapper().readValue(pushed.get(0).value(), TaskEvent.class);
            assertThat(task.split()).isEqualTo("test");
            assertThat(task.round()).isZero();
            assertThat(task.subject()).isEqualTo("physics");
            assertThat(pushed).allSatisfy(r -> assertThat(Json.mapper().readValue(r.value(), TaskEvent.class).models())
                    .as("round 0 runs the base team").isEqualTo(java.util.Map.of("physics-physicist", "gpt-4o-mini",
                            "physics-mathematician", "gpt-4o-mini", "physics-synthesizer", "gpt-4o-mini")));

            trajectories.insertMany(List.of(graded("physics-eval/1@r0#0", true), graded("physics-eval/2@r0#0", true),
                    graded("physics-eval/3@r0#0", false), graded("physics-eval/4@r1#0", true),
                    graded("physics-eval/5@r0#0", false), new Document("_id", "physics-eval/4@r0#1").append("correct", false)));
            // the evaluator counts its own three graded tasks (not round 1's, another task's, or a repair) and waits
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> evaluation().path("graded").asInt() == 3);
            assertThat(evaluation().get("status").asText()).isEqualTo("running");

            trajectories.insertOne(graded("physics-eval/4@r0#0", true));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(evaluation().get("status").asText()));
            JsonNode done = evaluation();
            assertThat(done.get("n").asInt()).isEqualTo(4);
            assertThat(done.get("graded").asInt()).isEqualTo(4);
            assertThat(done.get("accuracy").asDouble()).isEqualTo(0.75);
            assertThat(done.at("/ci95/low").asDouble()).isCloseTo(0.3006, within(0.001));
            assertThat(done.at("/ci95/high").asDouble()).isCloseTo(0.9544, within(0.001));
            assertThat(done.toString()).doesNotContain(OpenAiMockResource.TEST_API_KEY);
        }
    }

    private static Document graded(String id, boolean correct) {
        return new Document("_id", id).append("taskId", id.substring(0, id.indexOf('@'))).append("correct", correct);
    }

    private static JsonNode evaluation() {
        JsonNode all = json(given().get("/evaluations").then().statusCode(200).extract().asString());
        for (JsonNode e : all) {
            if (e.get("round").asInt() == 0 && "physics".equals(e.get("subject").asText())) {
                return e;
            }
        }
        throw new AssertionError("no evaluation of round 0 in " + all);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
