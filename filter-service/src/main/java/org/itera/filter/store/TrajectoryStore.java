package org.itera.filter.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.setting.Outcome;
import org.itera.core.event.TrajectoryEvent;

/**
 * The {@code trajectories} and {@code experience} collections. Ids are deterministic, so inserting
 * a document that is already there is recognised (duplicate key) and changes nothing.
 */
@ApplicationScoped
public class TrajectoryStore {

    public static final String TRAJECTORIES = "trajectories";
    public static final String EXPERIENCE = "experience";
    /** {@code repairStatus} of a failed trajectory whose task has no repair budget left. */
    public static final String REPAIR_EXHAUSTED = "exhausted";

    private final MongoClient client;
    private final String database;

    public TrajectoryStore(MongoClient client, @ConfigProperty(name = "itera.mongo.database") String database) {
        this.client = client;
        this.database = database;
    }

    void createIndexes(@Observes StartupEvent start) {
        trajectories().createIndex(Indexes.ascending("taskId"));
        trajectories().createIndex(Indexes.ascending("subject", "correct"));
        trajectories().createIndex(Indexes.ascending("run"));
        trajectories().createIndex(Indexes.ascending("runs"));
        experience().createIndex(Indexes.ascending("run"));
        experience().createIndex(Indexes.ascending("agent"));
        experience().createIndex(Indexes.ascending("trajectoryId"));
    }

    public boolean isPublished(String trajectoryId) {
        return trajectories().find(Filters.and(Filters.eq("_id", trajectoryId), Filters.eq("published", true)))
                .first() != null;
    }

    /** Stores a graded attempt; false when its document was already there (left as it was). */
    public boolean saveGraded(TrajectoryEvent trajectory, Outcome outcome, boolean repairsExhausted) {
        return insertIfAbsent(trajectories(), MongoDocuments.trajectory(trajectory, outcome, repairsExhausted));
    }

    /** Adds library entries of one run (or none) in one round trip; returns those that were not there yet. */
    public List<FinetuneRecord> saveExperiences(List<FinetuneRecord> examples, String run) {
        if (examples.isEmpty()) {
            return List.of();
        }
        List<Document> documents = examples.stream().map(example -> MongoDocuments.experience(example, run)).toList();
        Set<Integer> present = new HashSet<>();
        try {
            experience().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                present.add(error.getIndex());
            }
        }
        return IntStream.range(0, examples.size()).filter(i -> !present.contains(i)).mapToObj(examples::get).toList();
    }

    /** Notes that another run pushed the task of an already filed trajectory. */
    public void addRun(String trajectoryId, String run) {
        trajectories().updateOne(Filters.eq("_id", trajectoryId), Updates.addToSet("runs", run));
    }

    public void markPublished(String trajectoryId) {
        trajectories().updateOne(Filters.eq("_id", trajectoryId),
                Updates.combine(Updates.set("published", true), Updates.set("publishedAt", new Date())));
    }

    public Optional<Document> trajectory(String id) {
        return Optional.ofNullable(trajectories().find(Filters.eq("_id", id)).first());
    }

    /** Every stored attempt at one task in one round, in attempt order (0 = generated). */
    public List<Document> attempts(String taskId, Object round) {
        return trajectories().find(Filters.and(Filters.eq("taskId", taskId), Filters.eq("round", round)))
                .sort(Sorts.ascending("attempt")).into(new ArrayList<>());
    }

    public MongoCollection<Document> trajectories() {
        return client.getDatabase(database).getCollection(TRAJECTORIES);
    }

    public MongoCollection<Document> experience() {
        return client.getDatabase(database).getCollection(EXPERIENCE);
    }

    private static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
