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
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/**
 * On start-up the service takes up the pooled job {@link PooledResumeFixture} left running: it is
 * followed, not created again; its model is registered for both roles and announced only for the
 * solver (the analyst's was announced before the stop); the examples are marked trained for the
 * pool, not for biomed's own agents.
 */
@QuarkusTest
@TestProfile(PooledResumeProfile.class)
class PooledResumeTest {

    static final String SENTINEL = "{\"sentinel\":\"" + UUID.randomUUID() + "\"}";

    @Test
    void aPooledJobLeftRunningIsFollowedAndItsModelAnnouncedOncePerAgent() throws Exception {
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString());
                TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "model-updates")) {
            MongoDatabase db = mongo.getDatabase(PooledResumeFixture.DATABASE);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    db.getCollection("finetune_rounds").countDocuments(new Document("_id", 1).append("status", "done")) == 1);

            Document round = db.getCollection("finetune_rounds").find(new Document("_id", 1)).first();
            assertThat(round.getList("trained", String.class)).containsExactly(PooledResumeFixture.POOL);
            Document job = db.getCollection("finetune_jobs").find(new Document("_id", PooledResumeFixture.POOL + "@r1")).first();
            assertThat(job.getString("status")).isEqualTo("succeeded");
            assertThat(job.getString("fineTunedModel")).isEqualTo(PooledResumeFixture.MODEL);
            for (String agent : new String[] {"biomed-pooled-analyst", "biomed-pooled-solver"}) {
                Document model = db.getCollection("models").find(new Document("_id", agent + "@r1")).first();
                assertThat(model.getString("model")).isEqualTo(PooledResumeFixture.MODEL);
                assertThat(model.getBoolean("published")).isTrue();
                assertThat(model.getInteger("examples")).isEqualTo(20);
            }
            assertThat(db.getCollection("finetune_examples").countDocuments(
                    new Document("trainedFor.trainee", PooledResumeFixture.POOL))).isEqualTo(20);
            assertThat(db.getCollection("finetune_examples").countDocuments(
                    new Document("trainedInRound", null))).isEqualTo(20);

            topics.send("model-updates", "biomed-pooled-analyst", SENTINEL);
            topics.send("model-updates", "biomed-pooled-solver", SENTINEL);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> topics.records("model-updates",
                    k -> k.startsWith("biomed-pooled-")).stream().filter(r -> r.value().equals(SENTINEL)).count() == 2);
            var updates = topics.records("model-updates", k -> k.startsWith("biomed-pooled-")).stream()
                    .filter(r -> r.value().contains(PooledResumeFixture.JOB)).toList();
            assertThat(updates).hasSize(1);
            assertThat(Json.mapper().readValue(updates.get(0).value(), ModelUpdateEvent.class)).isEqualTo(
                    new ModelUpdateEvent("biomed-pooled-solver", "biomed-pooled", "solver", PooledResumeFixture.MODEL,
                            "gpt-4o-mini", 1, PooledResumeFixture.JOB, 20));
        }
        var api = PooledResumeFixture.server();
        assertThat(api.findAll(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + PooledResumeFixture.JOB)))).hasSize(3);
        assertThat(api.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }
}
