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
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * An actor-critic evaluation: the tasks go out in that setting with a model for each of the actor,
 * judge and critic, and the result has TP, overall and judge accuracy and the critic's help rate,
 * each with a Wilson interval, and each task's final correctness.
 */
@QuarkusTest
@TestProfile(ActorCriticProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class ActorCriticEvaluationTest {

    @Test
    void reportsTheSettingsRatesWithIntervals() throws Exception {
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks");
                MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            MongoCollection<Document> trajectories = mongo.getDatabase(ActorCriticProfile.DATABASE)
                    .getCollection("trajectories");
            JsonNode started = json(given().post("/rounds/0/evaluate").then().statusCode(202).extract().asString());
            assertThat(started.get("_id").asText()).isEqualTo("actor-critic/arithmetic@r0");
            assertThat(started.get("setting").asText()).isEqualTo("actor-critic");

            var pushed = topics.await("tasks", k -> k.startsWith("ac-eval/"), 4, Duration.ofSeconds(30));
            TaskEvent task = Json.mapper().readValue(pushed.get(0).value(), TaskEvent.class);
            assertThat(task.setting()).isEqualTo("actor-critic");
            assertThat(task.models()).isEqualTo(Map.of("arithmetic-actor", "gpt-4o-mini",
                    "arithmetic-judge", "gpt-4o-mini", "arithmetic-critic", "gpt-4o-mini"));

            trajectories.insertMany(List.of(graded("ac-eval/1", true, "PT"), graded("ac-eval/2", true, "NT"),
                    graded("ac-eval/3", false, "NF"), graded("ac-eval/4", false, "PF")));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(evaluation().get("status").asText()));

            JsonNode done = evaluation();
            assertThat(done.get("accuracy").asDouble()).isEqualTo(0.5);
            assertThat(done.at("/rates/tpAccuracy/successes").asInt()).isEqualTo(1);
            assertThat(done.at("/rates/tpAccuracy/trials").asInt()).isEqualTo(4);
            assertThat(done.at("/rates/tpAccuracy/value").asDouble()).isEqualTo(0.25);
            assertThat(done.at("/rates/tpAccuracy/ci95/low").asDouble()).isCloseTo(0.0456, within(0.001));
            assertThat(done.at("/rates/judgeAccuracy/value").asDouble()).isEqualTo(0.5);
            assertThat(done.at("/rates/criticHelpRate/value").asDouble()).isEqualTo(0.5);
            assertThat(done.at("/rates/overallAccuracy/value").asDouble()).isEqualTo(0.5);
            assertThat(done.get("outcomes")).extracting(o -> o.get("taskId").asText() + "=" + o.get("correct").asBoolean())
                    .containsExactlyInAnyOrder("ac-eval/1=true", "ac-eval/2=true", "ac-eval/3=false", "ac-eval/4=false");
        }
    }

    /** A graded trajectory as filter-service stores it, with the counters of its judge label. */
    private static Document graded(String taskId, boolean finalRight, String label) {
        boolean rejected = label.equals("PF") || label.equals("NT");
        Document counters = new Document("PT", label.equals("PT") ? 1 : 0).append("PF", label.equals("PF") ? 1 : 0)
                .append("NT", label.equals("NT") ? 1 : 0).append("NF", label.equals("NF") ? 1 : 0)
                .append("unparsed", 0).append("judged", 1)
                .append("judgeCorrect", label.equals("PT") || label.equals("NT") ? 1 : 0)
                .append("finalCorrect", finalRight ? 1 : 0).append("rejected", rejected ? 1 : 0)
                .append("criticHelped", rejected && finalRight ? 1 : 0);
        return new Document("_id", "actor-critic:" + taskId + "@r0#0").append("taskId", taskId)
                .append("correct", finalRight).append("counters", counters);
    }

    private static JsonNode evaluation() {
        for (JsonNode e : json(given().get("/evaluations").then().statusCode(200).extract().asString())) {
            if (e.get("_id").asText().equals("actor-critic/arithmetic@r0")) {
                return e;
            }
        }
        throw new AssertionError("no actor-critic evaluation of round 0");
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
