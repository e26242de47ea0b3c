package org.itera.finetune.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The collections of the {@code itera} database this service reads and writes. */
@ApplicationScoped
public class Collections {

    public static final String EXAMPLES = "finetune_examples";
    public static final String JOBS = "finetune_jobs";
    public static final String MODELS = "models";
    public static final String ROUNDS = "finetune_rounds";
    public static final String EVALUATIONS = "evaluations";
    public static final String LEASES = "finetune_leases";
    /** Written by filter-service; read here for evaluations. */
    public static final String TRAJECTORIES = "trajectories";
    /** Written by filter-service from every {@code -dlq} topic (each with the {@code taskId} it concerns). */
    public static final String DEAD_LETTERS = "dead-letters";

    private final MongoClient client;
    private final String database;

    public Collections(MongoClient client, @ConfigProperty(name = "itera.mongo.database") String database) {
        this.client = client;
        this.database = database;
    }

    public MongoCollection<Document> get(String name) {
        return client.getDatabase(database).getCollection(name);
    }

    /** Inserts a document; false when one with its id is already there. */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
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
