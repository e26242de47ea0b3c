package org.itera.finetune.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.json.Json;
import org.itera.finetune.store.Collections;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.Poison;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison on {@code finetune-records} (broken, oversize, wrong types, missing fields, an unknown
 * subject or role) between two good records: each poison lands on {@code finetune-records-dlq} with
 * a reason that names its problem and is not stored, both good records become examples, and the
 * service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class RecordPoisonTest {

    MongoClient mongo;
    TopicWatcher topics;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoServerResource.connectionString());
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "finetune-records-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
        mongo.close();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheRecordsAroundItAreStored() throws Exception {
        FinetuneRecord before = record("pubmedqa/" + UUID.randomUUID() + "@r0#0");
        FinetuneRecord after = record("pubmedqa/" + UUID.randomUUID() + "@r0#0");
        String good = Json.mapper().writeValueAsString(before);
        List<Poison> poison = poison(good);

        topics.send("finetune-records", before.trajectoryId(), good);
        topics.send("finetune-records", poison);
        topics.send("finetune-records", after.trajectoryId(), Json.mapper().writeValueAsString(after));

        topics.awaitDeadLetters("finetune-records-dlq", poison, Duration.ofSeconds(60));
        var examples = mongo.getDatabase("itera").getCollection(Collections.EXAMPLES);
        for (FinetuneRecord r : List.of(before, after)) {
            Document stored = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> examples.find(Filters.eq("_id", r.id())).first(), d -> d != null);
            assertThat(stored.getString("agent")).isEqualTo("pubmedqa-solver");
        }
        assertThat(examples.countDocuments(Filters.regex("trajectoryId", "^poison-"))).isZero();
        assertThat(examples.countDocuments(Filters.in("agent", "astrology-solver", "pubmedqa-oracle"))).isZero();
        assertThat(topics.records("finetune-records-dlq",
                k -> k.equals(before.trajectoryId()) || k.equals(after.trajectoryId()))).isEmpty();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static FinetuneRecord record(String trajectoryId) {
        return new FinetuneRecord(FinetuneRecord.idFor(trajectoryId, "solver"), "pubmedqa-solver", "pubmedqa", "solver",
                List.of(ChatMessage.system("You answer biomedical research questions."),
                        ChatMessage.user("Does exercise lower blood pressure? (" + trajectoryId + ")"),
                        ChatMessage.assistant("The trial shows a significant fall.\nAnswer: yes")),
                trajectoryId, "generated", 0);
    }

    static List<Poison> poison(String good) {
        String bad = Poison.edit(good, r -> r.put("trajectoryId", "poison-" + UUID.randomUUID()));
        List<Poison> poison = new ArrayList<>(Poison.common("finetune record", bad));
        poison.add(Poison.of("messages-not-a-list", Poison.edit(bad, r -> r.put("messages", "hello")),
                "field 'messages'"));
        poison.add(Poison.of("round-not-a-number", Poison.edit(bad, r -> r.put("round", "next")), "field 'round'"));
        poison.add(Poison.of("no-id", Poison.edit(bad, r -> r.remove("id")), "has no id"));
        poison.add(Poison.of("no-messages", Poison.edit(bad, r -> r.remove("messages")), "has no messages"));
        poison.add(Poison.of("no-assistant-turn", Poison.edit(bad, r -> r.withArray("messages").remove(2)),
                "does not end with the assistant turn"));
        poison.add(Poison.of("unknown-subject", Poison.edit(bad, r -> r.put("subject", "astrology")
                .put("agent", "astrology-solver")), "unknown subject 'astrology'"));
        poison.add(Poison.of("unknown-role", Poison.edit(bad, r -> r.put("role", "oracle")
                .put("agent", "pubmedqa-oracle")), "role 'oracle', which no team of pubmedqa has"));
        return poison;
    }
}
