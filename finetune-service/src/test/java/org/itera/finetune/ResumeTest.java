package org.itera.finetune;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * On start-up the service takes up round 1 as {@link ResumeFixture} left it: the running job is
 * followed to its end and its model registered and announced once; the job interrupted before
 * it was created is recorded as an error; the job whose model was already announced is closed
 * without announcing it again; nothing is uploaded or created anew.
 */
@QuarkusTest
@TestProfile(ResumeProfile.class)
class ResumeTest {

    static final String SENTINEL = "{\"sentinel\":true}";

    @Test
    void aRoundLeftRunningIsResumedAndItsModelsAnnouncedOnce() throws Exception {
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString());
                TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "model-updates")) {
            MongoDatabase db = mongo.getDatabase(ResumeProfile.DATABASE);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    db.getCollection("finetune_rounds").countDocuments(new Document("_id", 1).append("status", "done")) == 1);

            Document round = db.getCollection("finetune_rounds").find(new Document("_id", 1)).first();
            assertThat(round.getList("trained", String.class)).containsExactly("gsm8k-checker", "gsm8k-planner");
            Document planner = job(db, "gsm8k-planner");
            assertThat(planner.getString("status")).isEqualTo("succeeded");
            assertThat(planner.getString("fineTunedModel")).isEqualTo(ResumeFixture.PLANNER_MODEL);
            assertThat(planner.getList("events", Document.class)).hasSize(3);
            Document calculator = job(db, "gsm8k-calculator");
            assertThat(calculator.getString("status")).isEqualTo("error");
            assertThat(calculator.getString("reason")).contains("before its fine-tuning job was created",
                    "status uploaded", FineTuningMock.FILE_ID);
            assertThat(calculator.get("finishedAt")).isNotNull();
            Document checker = job(db, "gsm8k-checker");
            assertThat(checker.getString("status")).isEqualTo("succeeded");
            assertThat(checker.get("finishedAt")).isNotNull();

            assertThat(trained(db, "gsm8k-planner")).isEqualTo(10);
            assertThat(trained(db, "gsm8k-checker")).isEqualTo(10);
            assertThat(trained(db, "gsm8k-calculator")).isZero();
            Document model = db.getCollection("models").find(new Document("_id", "gsm8k-planner@r1")).first();
            assertThat(model.getString("model")).isEqualTo(ResumeFixture.PLANNER_MODEL);
            assertThat(model.getBoolean("published")).isTrue();
            assertThat(model.getInteger("examples")).isEqualTo(10);
            assertThat(db.getCollection("models").countDocuments()).isEqualTo(2);

            // what was announced: sentinels after the round, keyed like the agents, so that once they
            // arrive every earlier update of those agents (same partition) has arrived too
            topics.send("model-updates", "gsm8k-planner", SENTINEL);
            topics.send("model-updates", "gsm8k-checker", SENTINEL);
            topics.await("model-updates", k -> k.startsWith("gsm8k-"), 2, Duration.ofSeconds(30));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> topics.records("model-updates",
                    k -> k.startsWith("gsm8k-")).stream().filter(r -> r.value().equals(SENTINEL)).count() == 2);
            var updates = topics.records("model-updates", k -> k.startsWith("gsm8k-")).stream()
                    .filter(r -> !r.value().equals(SENTINEL)).toList();
            assertThat(updates).hasSize(1);
            assertThat(Json.mapper().readValue(updates.get(0).value(), ModelUpdateEvent.class)).isEqualTo(
                    new ModelUpdateEvent("gsm8k-planner", "gsm8k", "planner", ResumeFixture.PLANNER_MODEL, "gpt-4o-mini",
                            1, ResumeFixture.PLANNER_JOB, 10));
        }
        var api = ResumeFixture.server();
        assertThat(api.findAll(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + ResumeFixture.PLANNER_JOB)))).hasSize(3);
        assertThat(api.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    private static Document job(MongoDatabase db, String agent) {
        return db.getCollection("finetune_jobs").find(new Document("_id", agent + "@r1")).first();
    }

    private static long trained(MongoDatabase db, String agent) {
        return db.getCollection("finetune_examples").countDocuments(new Document("agent", agent).append("trainedInRound", 1));
    }
}
