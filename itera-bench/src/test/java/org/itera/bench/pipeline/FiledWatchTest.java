package org.itera.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.itera.devstore.DevStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe reads the filter's documents over the Mongo wire protocol and knows when each task was done. */
class FiledWatchTest {

    @TempDir
    Path dir;

    @Test
    void firstAttemptsAndSettledTasks() throws Exception {
        try (DevStore store = DevStore.start(dir.resolve("bench.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> trajectories = client.getDatabase("bench").getCollection("trajectories");
            trajectories.insertOne(doc("a#0", "a", 0, true, false, null, 1000));
            trajectories.insertOne(doc("b#0", "b", 0, true, false, null, 2000));
            trajectories.insertOne(doc("b#1", "b", 1, true, false, null, 3000));
            trajectories.insertOne(doc("b#2", "b", 2, true, false, "exhausted", 4000));
            trajectories.insertOne(doc("c#0", "c", 0, false, true, null, 5000));

            FiledWatch first = new FiledWatch(client, "bench", FiledWatch.Until.FIRST);
            assertThat(first.done()).isEqualTo(2);
            assertThat(first.await(0, 2, Duration.ofSeconds(5))).isEqualTo(2);
            assertThat(first.await(1, 2, Duration.ofMillis(300))).as("one more than a baseline of 1").isEqualTo(1);
            assertThat(first.doneAt()).containsEntry("a", new FiledWatch.Done(900, 1000))
                    .containsEntry("b", new FiledWatch.Done(1900, 2000)).doesNotContainKey("c");
            assertThat(first.repairs()).isEqualTo(2);

            FiledWatch settled = new FiledWatch(client, "bench", FiledWatch.Until.SETTLED);
            assertThat(settled.await(0, 2, Duration.ofMillis(500))).isEqualTo(1);
            assertThat(settled.doneAt()).containsOnlyKeys("b").containsEntry("b", new FiledWatch.Done(3900, 4000));
        }
    }

    private static Document doc(String id, String task, int attempt, boolean published, boolean correct,
            String repairStatus, long publishedAt) {
        return new Document("_id", id).append("taskId", task).append("attempt", attempt).append("published", published)
                .append("correct", correct).append("repairStatus", repairStatus).append("publishedAt", new Date(publishedAt))
                .append("finishedAt", new Date(publishedAt - 100));
    }
}
