package org.itera.finetune;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * FinetuneRecords from the real broker become per-agent training files; a round started by the
 * threshold fine-tunes them through WireMock's fine-tuning API, registers the models and
 * announces them on {@code model-updates}; a failing job is recorded and announces nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinetuneRoundTest {

    static final String PHYSICIST_MODEL = "ft:gpt-4o-mini-2024-07-18:itera:physics-physicist-r1:abc123";
    static final String MATHEMATICIAN_MODEL = "ft:gpt-4o-mini-2024-07-18:itera:physics-mathematician-r1:def456";

    @InjectOpenAiMock
    OpenAiMock llm;

    static MongoClient mongo;
    static MongoDatabase db;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @Test
    @Order(1)
    void aRoundStartedByTheThresholdTrainsTwoAgentsAndRecordsTheFailedThird() throws Exception {
        llm.server().resetAll();
        new FineTuningMock(llm.server()).upload(0).succeeds("physicist", PHYSICIST_MODEL)
                .succeeds("mathematician", MATHEMATICIAN_MODEL)
                .fails("synthesizer", "invalid_training_file", "The job failed due to an invalid training file.");
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "model-updates");
                KafkaCompanion kafka = new KafkaCompanion(KafkaBrokerResource.bootstrapServers())) {
            var records = Records.physics("physics/ft-", 12);
            kafka.produceStrings().fromRecords(records).awaitCompletion();
            kafka.produceStrings().fromRecords(records.subList(0, 6)).awaitCompletion();

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    db.getCollection("finetune_jobs").countDocuments(new Document("finishedAt", new Document("$ne", null))) >= 3);
            List<Document> jobs = db.getCollection("finetune_jobs").find().into(new ArrayList<>());
            assertThat(jobs).extracting(d -> d.getString("agent"))
                    .containsExactlyInAnyOrder("physics-physicist", "physics-mathematician", "physics-synthesizer");
            assertThat(jobs).extracting(d -> d.getInteger("round")).containsOnly(1);
            Document failed = jobs.stream().filter(d -> d.getString("agent").equals("physics-synthesizer")).findFirst().get();
            assertThat(failed.getString("status")).isEqualTo("failed");
            assertThat(failed.getString("reason")).isEqualTo("invalid_training_file: The job failed due to an invalid training file.");
            assertThat(failed.getList("events", Document.class)).hasSize(3);
            Document physicistJob = jobs.stream().filter(d -> d.getString("agent").equals("physics-physicist")).findFirst().get();
            assertThat(physicistJob.getString("status")).isEqualTo("succeeded");
            assertThat(physicistJob.getString("jobId")).isEqualTo("ftjob-physicist");
            assertThat(physicistJob.getInteger("examples")).isEqualTo(12);

            List<Document> models = db.getCollection("models").find().into(new ArrayList<>());
            assertThat(models).extracting(d -> d.getString("model")).containsExactlyInAnyOrder(PHYSICIST_MODEL, MATHEMATICIAN_MODEL);
            Document physicist = models.stream().filter(d -> d.getString("agent").equals("physics-physicist")).findFirst().get();
            assertThat(physicist.getString("role")).isEqualTo("physicist");
            assertThat(physicist.getString("base")).isEqualTo("gpt-4o-mini");
            assertThat(physicist.getInteger("examples")).isEqualTo(12);

            var updates = topics.await("model-updates", k -> k.startsWith("physics-"), 2, Duration.ofSeconds(10));
            Thread.sleep(500);
            updates = topics.records("model-updates", k -> k.startsWith("physics-"));
            assertThat(updates).extracting(r -> r.key()).containsExactlyInAnyOrder("physics-physicist", "physics-mathematician");
            ModelUpdateEvent update = Json.mapper().readValue(updates.stream()
                    .filter(r -> r.key().equals("physics-mathematician")).findFirst().get().value(), ModelUpdateEvent.class);
            assertThat(update).isEqualTo(new ModelUpdateEvent("physics-mathematician", "physics", "mathematician",
                    MATHEMATICIAN_MODEL, "gpt-4o-mini", 1, "ftjob-mathematician", 12));
            updates.forEach(r -> assertThat(r.value()).doesNotContain(OpenAiMockResource.TEST_API_KEY));
        }

        assertThat(db.getCollection("finetune_examples").countDocuments()).isEqualTo(36);
        assertThat(db.getCollection("finetune_examples").countDocuments(new Document("agent", "physics-physicist")
                .append("trainedInRound", 1))).isEqualTo(12);
        assertThat(db.getCollection("finetune_examples").countDocuments(new Document("agent", "physics-synthesizer")
                .append("trainedInRound", null))).isEqualTo(12);
        assertUploadsAreValidJsonl();
        llm.server().verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"training_file\":\"" + FineTuningMock.FILE_ID + "\",\"model\":\"gpt-4o-mini\","
                                + "\"suffix\":\"physics-physicist-r1\",\"hyperparameters\":{\"n_epochs\":3},\"seed\":42}")));
        for (String collection : List.of("finetune_examples", "finetune_jobs", "models", "finetune_rounds")) {
            db.getCollection(collection).find().forEach(d -> assertThat(d.toJson()).doesNotContain(OpenAiMockResource.TEST_API_KEY));
        }

        JsonNode body = Json.mapper().readTree(given().get("/models").then().statusCode(200).extract().asString());
        assertThat(body.at("/current/physics-physicist/model").asText()).isEqualTo(PHYSICIST_MODEL);
        assertThat(body.at("/current/physics-synthesizer").isMissingNode()).isTrue();
        assertThat(body.get("history")).hasSize(2);
    }

    private void assertUploadsAreValidJsonl() throws Exception {
        List<LoggedRequest> uploads = llm.server().findAll(postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiMockResource.TEST_API_KEY)));
        assertThat(uploads).hasSize(3);
        for (LoggedRequest upload : uploads) {
            assertThat(upload.getPart("purpose").getBody().asString()).isEqualTo("fine-tune");
            String jsonl = upload.getPart("file").getBody().asString();
            String[] lines = jsonl.split("\n");
            assertThat(lines).hasSize(12);
            for (String line : lines) {
                JsonNode messages = Json.mapper().readTree(line).get("messages");
                assertThat(Json.mapper().readTree(line).size()).isEqualTo(1);
                assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant");
                assertThat(messages.get(2).get("content").asText()).contains("Answer:");
            }
        }
    }

    @Test
    @Order(2)
    void theDatasetDownloadsInOpenAiFormat() throws Exception {
        String jsonl = given().get("/datasets/physics-mathematician.jsonl").then().statusCode(200)
                .contentType("application/jsonl").extract().asString();
        String[] lines = jsonl.split("\n");
        assertThat(lines).hasSize(12);
        JsonNode first = Json.mapper().readTree(lines[0]);
        assertThat(first.get("messages").get(0).get("content").asText()).isEqualTo("You are the team's mathematician.");
        assertThat(first.get("messages").get(2).get("role").asText()).isEqualTo("assistant");
        given().get("/datasets/physics-nobody.jsonl").then().statusCode(404);
    }

    @Test
    @Order(3)
    void anExplicitRoundRetriesTheFailedAgentAndASecondRequestMeanwhileGets409() {
        new FineTuningMock(llm.server()).upload(1500);
        given().body("{\"run\": \"a b\"}").post("/rounds").then().statusCode(400);
        JsonNode started = json(given().body("{\"run\": \"run-rounds-test\"}").post("/rounds")
                .then().statusCode(200).extract().asString());
        assertThat(started.get("round").asInt()).isEqualTo(2);
        assertThat(db.getCollection("finetune_rounds").find(new Document("_id", 2)).first().getString("run"))
                .isEqualTo("run-rounds-test");
        assertThat(started.get("agents")).extracting(JsonNode::asText).containsExactly("physics-synthesizer");
        given().post("/rounds").then().statusCode(409);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                db.getCollection("finetune_rounds").countDocuments(new Document("_id", 2).append("status", "done")) == 1);
        JsonNode round = json(given().get("/rounds/2").then().statusCode(200).extract().asString());
        assertThat(round.at("/jobs/0/status").asText()).isEqualTo("failed");
        assertThat(db.getCollection("models").countDocuments(new Document("agent", "physics-synthesizer"))).isZero();
        assertThat(db.getCollection("finetune_examples").countDocuments(new Document("agent", "physics-synthesizer")
                .append("trainedInRound", null))).isEqualTo(12);
        assertThat(json(given().get("/rounds").then().statusCode(200).extract().asString())).hasSize(2);
    }

    @Test
    @Order(4)
    void malformedRecordsGoToTheDeadLetterTopicAndTheServiceStaysReady() {
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "finetune-records-dlq")) {
            topics.send("finetune-records", "bad-json", "{nope");
            topics.send("finetune-records", "bad-agent", "{\"id\":\"t/x\",\"agent\":\"a\",\"subject\":\"physics\","
                    + "\"role\":\"physicist\",\"messages\":[{\"role\":\"assistant\",\"content\":\"x\"}]}");
            var dead = topics.await("finetune-records-dlq", k -> k.startsWith("bad-"), 2, Duration.ofSeconds(30));
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a JSON finetune record"))
                    .anySatisfy(reason -> assertThat(reason).contains("expected <subject>-<role>"));
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(5)
    void fromBaseASecondRoundTrainsTheBaseModelOnAllTheAgentsExamples() throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(KafkaBrokerResource.bootstrapServers())) {
            kafka.produceStrings().fromRecords(Records.agent("finetune-records", "physics", "physicist", "physics/ft2-", 10))
                    .awaitCompletion();
        }
        Document later = new Document("agent", "physics-physicist").append("round", new Document("$gt", 1))
                .append("finishedAt", new Document("$ne", null));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                db.getCollection("finetune_jobs").countDocuments(later) == 1);
        Document job = db.getCollection("finetune_jobs").find(later).first();
        int round = job.getInteger("round");
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getString("mode")).isEqualTo("from-base");
        assertThat(job.getInteger("examples")).isEqualTo(22);
        assertThat(Api.creations(llm.server(), "physics-physicist-r" + round)).singleElement().satisfies(r ->
                assertThat(json(r.getBodyAsString()).get("model").asText()).isEqualTo("gpt-4o-mini"));
        List<String> lines = Api.lines(Api.uploads(llm.server(), "physics-physicist-r" + round).get(0));
        assertThat(lines).hasSize(22);
        assertThat(lines.stream().filter(l -> l.contains("physics/ft2-"))).hasSize(10);
        assertThat(db.getCollection("models").find(new Document("_id", "physics-physicist@r" + round)).first()
                .getString("base")).isEqualTo("gpt-4o-mini");
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
