package org.itera.finetune;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.Wilson;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * {@code continue} mode: an agent's second round starts from its first fine-tuned model and trains
 * on the new examples only. Each round is evaluated by itself ({@code evaluate-after-round}) with
 * that round's models; an older round and round 0 are evaluated with theirs, not the current ones.
 */
@QuarkusTest
@TestProfile(ContinueProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class ContinueModeTest {

    static final String FIRST = "ft:gpt-4o-mini-2024-07-18:itera:chemistry-chemist-r1:con001";
    static final String SECOND = "ft:gpt-4o-mini-2024-07-18:itera:chemistry-chemist-r2:con002";
    static final String BASE = "gpt-4o-mini";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void roundsContinueFromTheLastModelAndEachIsEvaluatedWithItsOwnModels() throws Exception {
        llm.server().resetAll();
        FineTuningMock api = new FineTuningMock(llm.server()).upload(0);
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString());
                KafkaCompanion kafka = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
                TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "tasks")) {
            MongoDatabase db = mongo.getDatabase(ContinueProfile.DATABASE);
            int first = Api.nextRound();
            api.succeeds("chemistry-chemist-r" + first, FIRST);
            train(kafka, db, "chemistry/old-", first);
            Document firstJob = Api.awaitJob(db, "chemistry-chemist", first);
            assertThat(firstJob.getString("status")).isEqualTo("succeeded");
            assertThat(firstJob.getString("mode")).isEqualTo("from-base");

            List<TaskEvent> evaluated = evaluationTasks(topics, first, 3);
            assertThat(evaluated).allSatisfy(t -> assertThat(t.models()).isEqualTo(Map.of("chemistry-chemist", FIRST,
                    "chemistry-mathematician", BASE, "chemistry-synthesizer", BASE)));
            db.getCollection("trajectories").insertMany(List.of(graded("chemistry-eval/1", first, true),
                    graded("chemistry-eval/2", first, false), graded("chemistry-eval/3", first, true)));
            JsonNode evaluation = awaitEvaluation(first);
            assertThat(evaluation.get("n").asInt()).isEqualTo(3);
            assertThat(evaluation.get("accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
            assertThat(evaluation.at("/ci95/low").asDouble()).isCloseTo(Wilson.of(2, 3).low(), within(1e-9)).isLessThan(0.5);
            assertThat(evaluation.at("/ci95/high").asDouble()).isCloseTo(Wilson.of(2, 3).high(), within(1e-9)).isGreaterThan(0.9);

            int second = first + 1;
            api.succeeds("chemistry-chemist-r" + second, SECOND);
            train(kafka, db, "chemistry/new-", second);
            Document secondJob = Api.awaitJob(db, "chemistry-chemist", second);
            assertThat(secondJob.getString("status")).isEqualTo("succeeded");
            assertThat(secondJob.getString("mode")).isEqualTo("continue");
            assertThat(secondJob.getString("model")).isEqualTo(FIRST);
            assertThat(evaluationTasks(topics, second, 3)).allSatisfy(t -> assertThat(t.models())
                    .containsEntry("chemistry-chemist", SECOND).containsEntry("chemistry-synthesizer", BASE));

            assertThat(Api.creations(llm.server(), "chemistry-chemist-r" + first)).singleElement()
                    .satisfies(r -> assertThat(Api.json(r.getBodyAsString()).get("model").asText()).isEqualTo(BASE));
            assertThat(Api.creations(llm.server(), "chemistry-chemist-r" + second)).singleElement()
                    .satisfies(r -> assertThat(Api.json(r.getBodyAsString()).get("model").asText()).isEqualTo(FIRST));
            assertThat(Api.lines(Api.uploads(llm.server(), "chemistry-chemist-r" + first).get(0)))
                    .hasSize(10).allMatch(l -> l.contains("chemistry/old-"));
            assertThat(Api.lines(Api.uploads(llm.server(), "chemistry-chemist-r" + second).get(0)))
                    .hasSize(10).allMatch(l -> l.contains("chemistry/new-"));
            Document model = db.getCollection("models").find(new Document("_id", "chemistry-chemist@r" + second)).first();
            assertThat(model.getString("base")).isEqualTo(FIRST);
            assertThat(model.getInteger("examples")).isEqualTo(10);

            JsonNode again = Api.json(given().post("/rounds/" + first + "/evaluate").then().statusCode(202).extract().asString());
            assertThat(again.at("/models/chemistry-chemist").asText()).isEqualTo(FIRST);
            JsonNode base = Api.json(given().post("/rounds/0/evaluate").then().statusCode(202).extract().asString());
            assertThat(base.get("models")).extracting(JsonNode::asText).containsOnly(BASE).hasSize(3);
            assertThat(evaluationTasks(topics, 0, 3)).allSatisfy(t -> assertThat(t.models()).isEqualTo(Map.of(
                    "chemistry-chemist", BASE, "chemistry-mathematician", BASE, "chemistry-synthesizer", BASE)));
            assertThat(evaluationTasks(topics, first, 6)).allSatisfy(t -> assertThat(t.models())
                    .containsEntry("chemistry-chemist", FIRST));
        }
    }

    /** Sends ten chemist records and runs round {@code round} on them. */
    private static void train(KafkaCompanion kafka, MongoDatabase db, String prefix, int round) throws Exception {
        kafka.produceStrings().fromRecords(Records.agent(ContinueProfile.RECORDS_TOPIC, "chemistry", "chemist", prefix, 10))
                .awaitCompletion();
        Api.awaitUntrained(db, "chemistry-chemist", 10);
        Api.startRound(round, "chemistry-chemist");
    }

    private static List<TaskEvent> evaluationTasks(TopicWatcher topics, int round, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasksOf(topics, round).size() >= count);
        return tasksOf(topics, round);
    }

    private static List<TaskEvent> tasksOf(TopicWatcher topics, int round) {
        return topics.records("tasks", k -> k.startsWith("chemistry-eval/")).stream().map(r -> {
            try {
                return Json.mapper().readValue(r.value(), TaskEvent.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(t -> t.roundOrZero() == round).toList();
    }

    private static Document graded(String taskId, int round, boolean correct) {
        return new Document("_id", taskId + "@r" + round + "#0").append("taskId", taskId).append("correct", correct);
    }

    private static JsonNode awaitEvaluation(int round) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(evaluation(round).path("status").asText()));
        return evaluation(round);
    }

    private static JsonNode evaluation(int round) {
        for (JsonNode e : Api.json(given().get("/evaluations").then().statusCode(200).extract().asString())) {
            if (e.get("_id").asText().equals("chemistry@r" + round)) {
                return e;
            }
        }
        return Json.mapper().createObjectNode();
    }
}
