package org.itera.finetune.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.finetune.dataset.Example;
import org.itera.finetune.training.Trainee;
import org.itera.testing.MongoServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Use of an example is tracked per trainee against mongo-java-server over TCP: an agent's own round,
 * a variant agent on the same role's first attempts, and a team's pooled job each train on an
 * example once, and none of them uses it up for the others. An example stored before use was
 * tracked per trainee ({@code trainedInRound} set, no {@code trainedFor}) counts as trained for its
 * own agent only.
 */
class TraineeUseTest {

    private final MongoClient client = MongoClients.create(MongoServerResource.connectionString());
    private final Collections collections = new Collections(client, "trainees-" + UUID.randomUUID());
    private final ExampleStore store = new ExampleStore(collections);

    private final Trainee own = Trainee.ownAgent("arithmetic-calculator", "arithmetic", "calculator");
    private final Trainee firstTries = new Trainee("arithmetic-norepair-calculator",
            List.of(new Trainee.Served("arithmetic-norepair-calculator", "arithmetic-norepair", "calculator")),
            List.of("arithmetic-calculator"), Set.of("generated"), true);
    private final Trainee pool = new Trainee("arithmetic-shared/all-roles",
            List.of(new Trainee.Served("arithmetic-shared-calculator", "arithmetic-shared", "calculator"),
                    new Trainee.Served("arithmetic-shared-checker", "arithmetic-shared", "checker")),
            List.of("arithmetic-calculator", "arithmetic-checker"), Set.of(), true);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void eachTraineeUsesAnExampleOnceAndAnOldTrainedInRoundMeansItsOwnAgentOnly() {
        for (int i = 1; i <= 3; i++) {
            store.save(record("arithmetic/t" + i + "@r0#0", "calculator", "generated"));
            store.save(record("arithmetic/t" + i + "@r0#0", "checker", "generated"));
        }
        store.save(record("arithmetic/t4@r0#1", "calculator", "regenerated"));
        collections.get(Collections.EXAMPLES).updateOne(Filters.eq("_id", "arithmetic/t1@r0#0/calculator"),
                Updates.set("trainedInRound", 1)); // trained before this change, for its own agent

        assertThat(store.untrainedCount(own)).isEqualTo(3);
        assertThat(store.untrainedCount(firstTries)).isEqualTo(3);
        assertThat(store.untrainedCount(pool)).isEqualTo(7);
        assertThat(ids(store.examples(firstTries, false))).containsExactly("arithmetic/t1@r0#0/calculator",
                "arithmetic/t2@r0#0/calculator", "arithmetic/t3@r0#0/calculator");

        List<String> variantIds = ids(store.examples(firstTries, true));
        store.markTrained(firstTries, variantIds, 2);
        store.markTrained(firstTries, variantIds, 5);
        assertThat(store.untrainedCount(firstTries)).isZero();
        assertThat(store.untrainedCount(own)).isEqualTo(3);
        assertThat(store.untrainedCount(pool)).isEqualTo(7);
        assertThat(example("arithmetic/t2@r0#0/calculator").getList("trainedFor", Document.class))
                .containsExactly(new Document("trainee", "arithmetic-norepair-calculator").append("round", 2));

        store.markTrained(own, ids(store.examples(own, false)), 3);
        assertThat(store.untrainedCount(own)).isZero();
        assertThat(example("arithmetic/t1@r0#0/calculator").getInteger("trainedInRound")).isEqualTo(1);
        assertThat(example("arithmetic/t4@r0#1/calculator").getInteger("trainedInRound")).isEqualTo(3);
        assertThat(store.untrainedCount(pool)).isEqualTo(7);

        store.markTrained(pool, ids(store.examples(pool, true)), 4);
        assertThat(store.untrainedCount(pool)).isZero();
        assertThat(example("arithmetic/t1@r0#0/checker").get("trainedInRound")).isNull();
        assertThat(store.untrainedCount(Trainee.ownAgent("arithmetic-checker", "arithmetic", "checker"))).isEqualTo(3);
        store.save(record("arithmetic/t5@r0#0", "checker", "generated"));
        assertThat(store.untrainedCount(pool)).isEqualTo(1);
        assertThat(store.untrainedCount(firstTries)).isZero();
    }

    private Document example(String id) {
        return collections.get(Collections.EXAMPLES).find(Filters.eq("_id", id)).first();
    }

    private static List<String> ids(List<Example> examples) {
        return examples.stream().map(Example::id).toList();
    }

    private static FinetuneRecord record(String trajectory, String role, String origin) {
        return new FinetuneRecord(FinetuneRecord.idFor(trajectory, role), "arithmetic-" + role, "arithmetic", role,
                List.of(ChatMessage.system("s"), ChatMessage.user(trajectory), ChatMessage.assistant("a")), trajectory,
                origin, 0);
    }
}
