package org.itera.finetune;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * The team option {@code training}: biomed's library (12 first attempts and 4 repaired
 * trajectories, each with an analyst's and a solver's example) trains biomed's agents, the
 * no-repair variant's ({@code biomed-firsttry}: first attempts only) and the shared-model
 * variant's one pooled job ({@code biomed-pooled}: every role's examples, its model announced for
 * each role once). The variants train from another team's library, so only rounds that name their
 * subjects train them: round 1 (no subjects) trains biomed alone, round 2 (the variants named)
 * trains the variants alone. Use is tracked per trainee: in rounds 1 and 2 biomed's analyst and the
 * variant's solver fail, so round 3 (no subjects) trains biomed's analyst alone and round 4 (the
 * no-repair variant named) its solver, on the same examples the others used.
 */
@QuarkusTest
@TestProfile(TrainingRulesProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class TrainingRulesTest {

    static final String POOL = "biomed-pooled/all-roles";
    static final String SENTINEL = "{\"sentinel\":\"" + UUID.randomUUID() + "\"}";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void variantsTrainOnTheBaseTeamsLibraryByTheirRulesOnlyInRoundsThatNameThem() throws Exception {
        llm.server().resetAll();
        FineTuningMock api = new FineTuningMock(llm.server()).upload(0);
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString());
                KafkaCompanion kafka = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
                TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "model-updates")) {
            MongoDatabase db = mongo.getDatabase(TrainingRulesProfile.DATABASE);
            int first = Api.nextRound();
            kafka.produceStrings().fromRecords(library()).awaitCompletion();
            awaitExamples(db, 32);

            aRoundNamingNoSubjectTrainsBiomedAlone(db, api, first);
            String pooledModel = aRoundNamingTheVariantsTrainsThemAlone(db, api, first + 1);
            failedTraineesTrainAgainInRoundsOfTheirScope(db, api, first + 2);
            assertEachExampleUsedOncePerTrainee(db, first);
            JsonNode current = Api.json(given().get("/models").then().statusCode(200).extract().asString()).get("current");
            assertThat(current.at("/biomed-pooled-analyst/model").asText()).isEqualTo(pooledModel);
            assertThat(current.at("/biomed-pooled-solver/model").asText()).isEqualTo(pooledModel);
            assertPooledModelAnnouncedOncePerAgent(topics, pooledModel, first + 1);

            kafka.produceStrings().fromRecords(trajectory("biomed/late-1@r0#0", "generated", 17)).awaitCompletion();
            awaitExamples(db, 34);
            nothingToTrainReportsTheScopesTraineesOnly();
        }
    }

    private void aRoundNamingNoSubjectTrainsBiomedAlone(MongoDatabase db, FineTuningMock api, int round) {
        api.fails(suffix("biomed-analyst", round), "invalid_training_file", "The job failed.")
                .succeeds(suffix("biomed-solver", round), model("biomed-solver", round));
        assertThat(start()).containsExactly("biomed-analyst", "biomed-solver");
        awaitRound(db, round);
        assertThat(roundDocument(db, round).get("subjects")).isNull();
        assertThat(lines(suffix("biomed-solver", round))).hasSize(16);
    }

    private String aRoundNamingTheVariantsTrainsThemAlone(MongoDatabase db, FineTuningMock api, int round) {
        String pooledModel = "ft:gpt-4o-mini-2024-07-18:itera:biomed-pooled-all-roles-r" + round + ":pool01";
        api.succeeds(suffix("biomed-firsttry-analyst", round), model("biomed-firsttry-analyst", round))
                .fails(suffix("biomed-firsttry-solver", round), "invalid_training_file", "The job failed.")
                .succeeds(suffix("biomed-pooled-all-roles", round), pooledModel);
        assertThat(start("biomed-firsttry", "biomed-pooled")).containsExactly("biomed-firsttry-analyst",
                "biomed-firsttry-solver", POOL);
        awaitRound(db, round);
        assertThat(roundDocument(db, round).getList("subjects", String.class))
                .containsExactly("biomed-firsttry", "biomed-pooled");
        List<String> pooled = lines(suffix("biomed-pooled-all-roles", round));
        assertThat(pooled).hasSize(32);
        assertThat(pooled.stream().filter(l -> l.contains("biomed-analyst-prompt"))).hasSize(16);
        assertThat(pooled.stream().filter(l -> l.contains("biomed-solver-prompt"))).hasSize(16);
        assertThat(pooled.stream().filter(l -> l.contains("biomed/fix-"))).hasSize(8);
        assertThat(Api.creations(llm.server(), suffix("biomed-pooled-all-roles", round))).hasSize(1);
        assertThat(llm.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/fine_tuning/jobs")))).hasSize(5);
        Document poolJob = Api.awaitJob(db, POOL, round);
        assertThat(poolJob.getString("status")).isEqualTo("succeeded");
        assertThat(poolJob.getList("serves", String.class)).containsExactly("biomed-pooled-analyst", "biomed-pooled-solver");
        for (String agent : List.of("biomed-pooled-analyst", "biomed-pooled-solver")) {
            Document model = db.getCollection("models").find(new Document("_id", agent + "@r" + round)).first();
            assertThat(model.getString("model")).isEqualTo(pooledModel);
            assertThat(model.getInteger("examples")).isEqualTo(32);
            assertThat(model.getString("subject")).isEqualTo("biomed-pooled");
        }
        assertThat(lines(suffix("biomed-firsttry-analyst", round))).hasSize(12)
                .allSatisfy(l -> assertThat(l).contains("biomed/first-").contains("biomed-analyst-prompt"));
        assertThat(lines(suffix("biomed-firsttry-solver", round))).hasSize(12)
                .noneSatisfy(l -> assertThat(l).contains("biomed/fix-"));
        return pooledModel;
    }

    /** Round {@code round}: biomed's analyst (no subject named); the next: the variant's solver (named). */
    private void failedTraineesTrainAgainInRoundsOfTheirScope(MongoDatabase db, FineTuningMock api, int round) {
        int named = round + 1;
        api.succeeds(suffix("biomed-analyst", round), model("biomed-analyst", round))
                .succeeds(suffix("biomed-firsttry-solver", named), model("biomed-firsttry-solver", named));
        assertThat(start()).containsExactly("biomed-analyst");
        awaitRound(db, round);
        assertThat(lines(suffix("biomed-analyst", round))).hasSize(16);
        assertThat(start("biomed-firsttry")).containsExactly("biomed-firsttry-solver");
        awaitRound(db, named);
        assertThat(lines(suffix("biomed-firsttry-solver", named))).hasSize(12)
                .allSatisfy(l -> assertThat(l).contains("biomed/first-").contains("biomed-solver-prompt"));
        assertThat(Api.awaitJob(db, "biomed-firsttry-solver", named).getString("status")).isEqualTo("succeeded");
    }

    private static void assertEachExampleUsedOncePerTrainee(MongoDatabase db, int first) {
        Document solverFirst = db.getCollection("finetune_examples")
                .find(new Document("_id", "biomed/first-1@r0#0/solver")).first();
        assertThat(solverFirst.getInteger("trainedInRound")).isEqualTo(first);
        assertThat(solverFirst.getList("trainedFor", Document.class)).extracting(d -> d.getString("trainee") + "@"
                + d.getInteger("round")).containsExactlyInAnyOrder(POOL + "@" + (first + 1),
                "biomed-firsttry-solver@" + (first + 3));
        Document analystFix = db.getCollection("finetune_examples")
                .find(new Document("_id", "biomed/fix-1@r0#1/analyst")).first();
        assertThat(analystFix.getInteger("trainedInRound")).isEqualTo(first + 2);
        assertThat(analystFix.getList("trainedFor", Document.class)).extracting(d -> d.getString("trainee"))
                .containsExactly(POOL);
    }

    /** One new trajectory: every trainee has one or two untrained examples, below the threshold. */
    private static void nothingToTrainReportsTheScopesTraineesOnly() {
        JsonNode scoped = Api.json(given().body("{\"subjects\": [\"biomed-firsttry\"]}").post("/rounds")
                .then().statusCode(422).extract().asString());
        assertThat(scoped.get("error").asText()).contains("biomed-firsttry");
        assertThat(scoped.get("untrained")).isEqualTo(Api.json(
                "{\"biomed-firsttry-analyst\": 1, \"biomed-firsttry-solver\": 1}"));
        JsonNode ordinary = Api.json(given().post("/rounds").then().statusCode(422).extract().asString());
        assertThat(ordinary.get("untrained")).isEqualTo(Api.json("{\"biomed-analyst\": 1, \"biomed-solver\": 1}"));
    }

    private static void assertPooledModelAnnouncedOncePerAgent(TopicWatcher topics, String model, int round)
            throws Exception {
        topics.send("model-updates", "biomed-pooled-analyst", SENTINEL);
        topics.send("model-updates", "biomed-pooled-solver", SENTINEL);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> topics.records("model-updates",
                k -> k.startsWith("biomed-pooled-")).stream().filter(r -> r.value().equals(SENTINEL)).count() == 2);
        String job = "ftjob-" + suffix("biomed-pooled-all-roles", round);
        var updates = topics.records("model-updates", k -> k.startsWith("biomed-pooled-")).stream()
                .filter(r -> r.value().contains(job)).toList();
        assertThat(updates).extracting(r -> r.key()).containsExactlyInAnyOrder("biomed-pooled-analyst",
                "biomed-pooled-solver");
        for (var update : updates) {
            ModelUpdateEvent event = Json.mapper().readValue(update.value(), ModelUpdateEvent.class);
            assertThat(event.model()).isEqualTo(model);
            assertThat(event.round()).isEqualTo(round);
            assertThat(event.jobId()).isEqualTo(job);
            assertThat(event.role()).isEqualTo(update.key().substring("biomed-pooled-".length()));
        }
    }

    /** biomed's library: 12 first attempts and 4 repaired trajectories, an analyst's and a solver's example each. */
    static List<ProducerRecord<String, String>> library() throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            boolean repaired = i > 12;
            String trajectoryId = repaired ? "biomed/fix-" + (i - 12) + "@r0#1" : "biomed/first-" + i + "@r0#0";
            records.addAll(trajectory(trajectoryId, repaired ? "regenerated" : "generated", i));
        }
        return records;
    }

    /** A biomed trajectory's records: an analyst's and a solver's example. */
    static List<ProducerRecord<String, String>> trajectory(String trajectoryId, String origin, int i) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String role : List.of("analyst", "solver")) {
            records.add(new ProducerRecord<>(TrainingRulesProfile.RECORDS_TOPIC, trajectoryId,
                    Json.mapper().writeValueAsString(record(trajectoryId, role, origin, i))));
        }
        return records;
    }

    static FinetuneRecord record(String trajectoryId, String role, String origin, int i) {
        FinetuneRecord plain = Records.of("biomed", trajectoryId, role, i);
        var messages = new ArrayList<>(plain.messages());
        messages.set(0, org.itera.core.event.ChatMessage.system("biomed-" + role + "-prompt: you are the " + role + "."));
        return new FinetuneRecord(plain.id(), plain.agent(), "biomed", role, messages, trajectoryId, origin,
                0, trajectoryId.substring(0, trajectoryId.indexOf('@')), "train");
    }

    /** Starts a round naming the subjects (none: a round that names none) and returns its trainees' keys. */
    private static List<String> start(String... subjects) {
        String body = subjects.length == 0 ? "" : "{\"subjects\": " + Json.mapper().valueToTree(subjects) + "}";
        JsonNode started = Api.json(given().body(body).post("/rounds").then().statusCode(200).extract().asString());
        List<String> keys = new ArrayList<>();
        started.get("agents").forEach(n -> keys.add(n.asText()));
        return keys;
    }

    private static void awaitExamples(MongoDatabase db, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.getCollection("finetune_examples").countDocuments() == count);
    }

    private static Document roundDocument(MongoDatabase db, int round) {
        return db.getCollection("finetune_rounds").find(new Document("_id", round)).first();
    }

    private static void awaitRound(MongoDatabase db, int round) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.getCollection("finetune_rounds").countDocuments(new Document("_id", round).append("status", "done")) == 1);
    }

    private List<String> lines(String suffix) {
        var uploads = Api.uploads(llm.server(), suffix);
        assertThat(uploads).as("uploads of " + suffix).hasSize(1);
        return Api.lines(uploads.get(0));
    }

    static String suffix(String key, int round) {
        return key + "-r" + round;
    }

    static String model(String agent, int round) {
        return "ft:gpt-4o-mini-2024-07-18:itera:" + agent + "-r" + round + ":m" + round;
    }
}
