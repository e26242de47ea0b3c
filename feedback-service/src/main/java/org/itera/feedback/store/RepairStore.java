package org.itera.feedback.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itera.core.event.TrajectoryEvent;

/**
 * The {@code repairs} collection: one document per (failed trajectory, role, attempt) whose
 * repaired trajectory was emitted, so a redelivered failure is not repaired twice.
 */
@ApplicationScoped
public class RepairStore {

    public static final String REPAIRS = "repairs";

    private final MongoClient client;
    private final String database;

    public RepairStore(MongoClient client, @ConfigProperty(name = "itera.mongo.database") String database) {
        this.client = client;
        this.database = database;
    }

    public static String keyOf(String failedTrajectoryId, String role, int attempt) {
        return failedTrajectoryId + "/" + role + "#" + attempt;
    }

    public boolean isDone(String key) {
        return repairs().find(Filters.eq("_id", key)).first() != null;
    }

    /** Records a repair whose trajectory the broker has acknowledged. */
    public void markDone(String key, TrajectoryEvent repaired) {
        Document doc = new Document("_id", key)
                .append("parentId", repaired.parentId())
                .append("trajectoryId", repaired.id())
                .append("taskId", repaired.task().id())
                .append("subject", repaired.task().subject())
                .append("run", repaired.task().run())
                .append("role", repaired.repairedRole())
                .append("attempt", repaired.attempt())
                .append("criticModel", repaired.repair().criticModel())
                .append("emittedAt", new Date());
        repairs().replaceOne(Filters.eq("_id", key), doc, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> repairs() {
        return client.getDatabase(database).getCollection(REPAIRS);
    }
}
