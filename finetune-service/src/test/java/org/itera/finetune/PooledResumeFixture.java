package org.itera.finetune;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMockResource;

/**
 * What a finetune-service stopped in the middle of round 1 leaves behind when that round trains the
 * test team {@code biomed-pooled} (one job on every biomed role's examples): the pooled job
 * created and running, and its model already registered and announced for the analyst only (the
 * stop came between the two announcements). The fine-tuning API (WireMock) ends the job with it.
 */
public class PooledResumeFixture implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "itera-pooled-resume";
    static final String POOL = "biomed-pooled/all-roles";
    static final String JOB = "ftjob-biomed-pooled-resume";
    static final String MODEL = "ft:gpt-4o-mini-2024-07-18:itera:biomed-pooled-all-roles-r1:pres01";

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        new FineTuningMock(server).succeeds("biomed-pooled-resume", MODEL);
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            seed(mongo.getDatabase(DATABASE));
        }
        return Map.of("itera.llm.base-url", server.baseUrl() + "/v1", "itera.llm.api-key", OpenAiMockResource.TEST_API_KEY);
    }

    private static void seed(MongoDatabase db) {
        Date then = new Date(System.currentTimeMillis() - 3_600_000);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            for (String role : List.of("analyst", "solver")) {
                var record = Records.of("biomed", "biomed/resume-" + i + "@r0#0", role, i);
                ids.add(record.id());
                db.getCollection("finetune_examples").insertOne(new Document("_id", record.id())
                        .append("agent", record.agent()).append("subject", "biomed").append("role", role)
                        .append("messages", record.messages().stream().map(m -> new Document("role", m.role())
                                .append("content", m.content())).toList())
                        .append("trajectoryId", record.trajectoryId()).append("origin", "generated").append("round", 0)
                        .append("trainedInRound", null).append("createdAt", then));
            }
        }
        db.getCollection("finetune_jobs").insertOne(new Document("_id", POOL + "@r1").append("agent", POOL)
                .append("round", 1).append("mode", "from-base").append("model", "gpt-4o-mini")
                .append("examples", ids.size()).append("exampleIds", ids).append("startedAt", then)
                .append("serves", List.of("biomed-pooled-analyst", "biomed-pooled-solver"))
                .append("trainingFile", FineTuningMock.FILE_ID).append("suffix", "biomed-pooled-all-roles-r1")
                .append("jobId", JOB).append("status", "running"));
        db.getCollection("finetune_rounds").insertOne(new Document("_id", 1).append("agents", List.of(POOL))
                .append("trigger", "api").append("mode", "from-base").append("status", "running").append("startedAt", then));
        db.getCollection("models").insertOne(new Document("_id", "biomed-pooled-analyst@r1")
                .append("agent", "biomed-pooled-analyst").append("subject", "biomed-pooled").append("role", "analyst")
                .append("model", MODEL).append("base", "gpt-4o-mini").append("round", 1).append("jobId", JOB)
                .append("examples", ids.size()).append("published", true).append("createdAt", then));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
