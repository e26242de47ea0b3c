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
 * What a finetune-service stopped in the middle of round 1 leaves behind, written before the
 * service starts: the planner's job created and running, the calculator's file uploaded but no
 * job created, the checker's job succeeded, its model registered and announced but the job not
 * yet closed. The fine-tuning API (WireMock) ends the planner's job with a model.
 */
public class ResumeFixture implements QuarkusTestResourceLifecycleManager {

    static final String PLANNER_JOB = "ftjob-gsm8k-planner-resume";
    static final String CHECKER_JOB = "ftjob-gsm8k-checker-resume";
    static final String PLANNER_MODEL = "ft:gpt-4o-mini-2024-07-18:itera:gsm8k-planner-r1:res001";
    static final String CHECKER_MODEL = "ft:gpt-4o-mini-2024-07-18:itera:gsm8k-checker-r1:res002";
    static final List<String> ROLES = List.of("calculator", "checker", "planner");

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        new FineTuningMock(server).succeeds("gsm8k-planner-resume", PLANNER_MODEL)
                .succeeds("gsm8k-checker-resume", CHECKER_MODEL);
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            seed(mongo.getDatabase(database()));
        }
        return Map.of("itera.llm.base-url", server.baseUrl() + "/v1", "itera.llm.api-key", OpenAiMockResource.TEST_API_KEY);
    }

    /** The database the stopped instance left its round in. */
    protected String database() {
        return ResumeProfile.DATABASE;
    }

    private static void seed(MongoDatabase db) {
        Date then = new Date(System.currentTimeMillis() - 3_600_000);
        for (String role : ROLES) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                var record = Records.of("gsm8k", "gsm8k/resume-" + i + "@r0#0", role, i);
                ids.add(record.id());
                db.getCollection("finetune_examples").insertOne(new Document("_id", record.id())
                        .append("agent", record.agent()).append("subject", "gsm8k").append("role", role)
                        .append("messages", record.messages().stream().map(m -> new Document("role", m.role())
                                .append("content", m.content())).toList())
                        .append("trajectoryId", record.trajectoryId()).append("origin", "generated").append("round", 0)
                        .append("trainedInRound", null).append("createdAt", then));
            }
            db.getCollection("finetune_jobs").insertOne(job(role, ids, then));
        }
        db.getCollection("finetune_rounds").insertOne(new Document("_id", 1)
                .append("agents", ROLES.stream().map(r -> "gsm8k-" + r).toList()).append("trigger", "api")
                .append("mode", "from-base").append("status", "running").append("startedAt", then));
        db.getCollection("models").insertOne(new Document("_id", "gsm8k-checker@r1").append("agent", "gsm8k-checker")
                .append("subject", "gsm8k").append("role", "checker").append("model", CHECKER_MODEL)
                .append("base", "gpt-4o-mini").append("round", 1).append("jobId", CHECKER_JOB).append("examples", 10)
                .append("published", true).append("createdAt", then));
    }

    private static Document job(String role, List<String> ids, Date then) {
        Document job = new Document("_id", "gsm8k-" + role + "@r1").append("agent", "gsm8k-" + role).append("round", 1)
                .append("mode", "from-base").append("model", "gpt-4o-mini").append("examples", ids.size())
                .append("exampleIds", ids).append("startedAt", then).append("trainingFile", FineTuningMock.FILE_ID)
                .append("suffix", "gsm8k-" + role + "-r1");
        return switch (role) {
            case "planner" -> job.append("jobId", PLANNER_JOB).append("status", "running");
            case "checker" -> job.append("jobId", CHECKER_JOB).append("status", "succeeded");
            default -> job.append("status", "uploaded");
        };
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
