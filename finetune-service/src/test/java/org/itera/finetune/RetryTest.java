package org.itera.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.bson.Document;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.Test;

/**
 * The upload and the job creation survive a 503 and a 429 (three requests each, then the round
 * succeeds); a 400 is not retried and the agent's job records the API's message.
 */
@QuarkusTest
@TestProfile(ContinueProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class RetryTest {

    static final String PLANNER = "ft:gpt-4o-mini-2024-07-18:itera:gsm8k-planner-r1:ret001";
    static final String REFUSAL = "Invalid file format for Fine-Tuning API. Must be .jsonl";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void transientErrorsAreRetriedAndABadRequestIsRecordedWithTheApiMessage() throws Exception {
        llm.server().resetAll();
        int round = Api.nextRound();
        new FineTuningMock(llm.server()).upload(0).uploadFailsTwiceFor("gsm8k-planner")
                .createFailsTwiceFor("gsm8k-planner-r" + round).succeeds("gsm8k-planner-r" + round, PLANNER)
                .uploadRejectedFor("gsm8k-checker", REFUSAL);
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString());
                KafkaCompanion kafka = new KafkaCompanion(KafkaBrokerResource.bootstrapServers())) {
            MongoDatabase db = mongo.getDatabase(ContinueProfile.DATABASE);
            for (String role : new String[] {"planner", "checker"}) {
                kafka.produceStrings().fromRecords(Records.agent(ContinueProfile.RECORDS_TOPIC, "gsm8k", role,
                        "gsm8k/retry-", 10)).awaitCompletion();
                Api.awaitUntrained(db, "gsm8k-" + role, 10);
            }
            Api.startRound(round, "gsm8k-planner", "gsm8k-checker");

            Document planner = Api.awaitJob(db, "gsm8k-planner", round);
            assertThat(planner.getString("status")).isEqualTo("succeeded");
            assertThat(planner.getString("fineTunedModel")).isEqualTo(PLANNER);
            Document checker = Api.awaitJob(db, "gsm8k-checker", round);
            assertThat(checker.getString("status")).isEqualTo("error");
            assertThat(checker.getString("reason")).contains("HTTP 400", REFUSAL)
                    .doesNotContain("attempts").doesNotContain(OpenAiMockResource.TEST_API_KEY);
            assertThat(db.getCollection("finetune_examples").countDocuments(new Document("agent", "gsm8k-checker")
                    .append("trainedInRound", null))).isEqualTo(10);
            assertThat(db.getCollection("models").countDocuments(new Document("agent", "gsm8k-planner"))).isEqualTo(1);
        }
        assertThat(Api.uploads(llm.server(), "gsm8k-planner-r" + round)).hasSize(3);
        assertThat(Api.creations(llm.server(), "gsm8k-planner-r" + round)).hasSize(3);
        assertThat(Api.uploads(llm.server(), "gsm8k-checker-r" + round)).hasSize(1);
        assertThat(Api.creations(llm.server(), "gsm8k-checker-r" + round)).isEmpty();
    }
}
