package org.itera.devstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevStoreTest {

    @TempDir
    Path tmp;

    @Test
    void documentsAndUniqueIndexesSurviveARestart() throws IOException {
        Path file = tmp.resolve("nested/dir/store.mv");
        int port = freePort();

        try (DevStore store = DevStore.start(file, "127.0.0.1", port);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertEquals("mongodb://127.0.0.1:" + port, store.connectionString());
            MongoCollection<Document> trajectories = client.getDatabase("itera").getCollection("trajectories");
            trajectories.createIndex(Indexes.ascending("taskId", "attempt"), new IndexOptions().unique(true));
            trajectories.insertOne(new Document("_id", "pubmedqa/1#0")
                    .append("taskId", "pubmedqa/1").append("attempt", 0)
                    .append("turns", List.of(new Document("role", "solver").append("output", "yes")))
                    .append("correct", true));
        }
        assertTrue(Files.size(file) > 0, "the MVStore file was written");

        try (DevStore store = DevStore.start(file, "127.0.0.1", port);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> trajectories = client.getDatabase("itera").getCollection("trajectories");

            Document back = trajectories.find(Filters.eq("_id", "pubmedqa/1#0")).first();
            assertNotNull(back, "document persisted across a restart");
            assertEquals(true, back.getBoolean("correct"));
            assertEquals("yes", back.getList("turns", Document.class).get(0).getString("output"));

            // the unique index came back too: a second document with the same key is refused
            MongoWriteException dup = assertThrows(MongoWriteException.class, () -> trajectories.insertOne(
                    new Document("_id", "other").append("taskId", "pubmedqa/1").append("attempt", 0)));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(dup.getCode()));
            assertEquals(11000, dup.getCode());

            // and so is a repeated _id, which is how a redelivered event is recognised
            MongoWriteException dupId = assertThrows(MongoWriteException.class, () -> trajectories.insertOne(
                    new Document("_id", "pubmedqa/1#0").append("taskId", "pubmedqa/1").append("attempt", 1)));
            assertEquals(11000, dupId.getCode());
            assertEquals(1, trajectories.countDocuments());
        }
    }

    @Test
    void aSecondStoreOnATakenPortFailsClearly() throws IOException {
        try (DevStore first = DevStore.start(tmp.resolve("a.mv"), "127.0.0.1", 0)) {
            IOException e = assertThrows(IOException.class,
                    () -> DevStore.start(tmp.resolve("b.mv"), "127.0.0.1", first.port()));
            assertTrue(e.getMessage().contains("cannot listen"), e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
