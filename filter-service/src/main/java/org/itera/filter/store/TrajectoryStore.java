package org.itera.filter.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itera.core.event.FinetuneRecord;
import org.itera.filter.Filing;

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

    /** The ids among these that have a document: trajectories filed completely before. */
    public Set<String> filed(Collection<String> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Set.of();
        }
        return trajectories().find(Filters.in("_id", trajectoryIds)).projection(Projections.include("_id"))
                .map(d -> d.getString("_id")).into(new HashSet<>());
    }

    /**
     * Stores graded attempts whose outputs were acknowledged, marked published, in one round trip; a
     * document already there (a copy filed by another instance meanwhile) is left as it was.
     */
    public void saveFiled(List<Filing> filed) {
        Date now = new Date();
        insertNew(trajectories(), filed.stream()
                .map(f -> MongoDocuments.trajectory(f.trajectory(), f.outcome(), f.exhausted(), now)).toList());
    }

    /** Adds library entries in one round trip; returns the examples that were not there yet. */
    public List<FinetuneRecord> saveExperiences(List<LibraryEntry> entries) {
        List<Document> documents = entries.stream().map(e -> MongoDocuments.experience(e.example(), e.run())).toList();
        Set<Integer> present = insertNew(experience(), documents);
        return IntStream.range(0, entries.size()).filter(i -> !present.contains(i))
                .mapToObj(i -> entries.get(i).example()).toList();
    }

    /** Notes that another run pushed the task of an already filed trajectory. */
    public void addRun(String trajectoryId, String run) {
        trajectories().updateOne(Filters.eq("_id", trajectoryId), Updates.addToSet("runs", run));
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

    /** Inserts unordered in one round trip; returns the positions of documents whose id was already there. */
    private static Set<Integer> insertNew(MongoCollection<Document> collection, List<Document> documents) {
        Set<Integer> present = new HashSet<>();
        if (documents.isEmpty()) {
            return present;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                present.add(error.getIndex());
            }
        }
        return present;
    }
}
