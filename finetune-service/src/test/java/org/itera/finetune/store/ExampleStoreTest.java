package org.itera.finetune.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.finetune.dataset.Example;
import org.itera.testing.MongoServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An agent's training examples come out in the same order whatever order they arrived in. */
class ExampleStoreTest {

    private final MongoClient client = MongoClients.create(MongoServerResource.connectionString());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void examplesComeOutInIdOrderNotArrivalOrder() {
        List<FinetuneRecord> records = new ArrayList<>();
        for (int task = 0; task < 12; task++) {
            records.add(record("arithmetic/d1s1-add/1/" + task + "@r0#" + task % 3));
        }
        List<FinetuneRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(3));

        List<String> inOrder = idsAfterSaving(records);
        List<String> inShuffledOrder = idsAfterSaving(shuffled);

        assertThat(inShuffledOrder).isEqualTo(inOrder).hasSize(12).isSorted();
    }

    /** Saves the records one by one in a database of their own and reads the agent's examples back. */
    private List<String> idsAfterSaving(List<FinetuneRecord> records) {
        ExampleStore store = new ExampleStore(new org.itera.finetune.store.Collections(client,
                "examples-" + UUID.randomUUID()));
        for (FinetuneRecord record : records) {
            store.save(record);
            nextMillisecond(); // every record its own arrival time, so arrival order is defined
        }
        return store.examples("arithmetic-calculator", true).stream().map(Example::id).toList();
    }

    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() == now) {
            Thread.onSpinWait();
        }
    }

    private static FinetuneRecord record(String trajectory) {
        return new FinetuneRecord(FinetuneRecord.idFor(trajectory, "calculator"), "arithmetic-calculator",
                "arithmetic", "calculator", List.of(ChatMessage.system("s"), ChatMessage.user(trajectory),
                        ChatMessage.assistant("a")), trajectory, "generated", 0);
    }
}
