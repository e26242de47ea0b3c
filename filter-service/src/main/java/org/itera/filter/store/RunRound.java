package org.itera.filter.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The phase of a run that is a self-improvement round, from finetune-service's documents: its
 * evaluations carry the run ids {@code <run>.before} and {@code <run>.after}, its round carries
 * {@code <run>} ({@code finetune_rounds}, {@code evaluations}: read here, written there). Phases:
 * {@code evaluating-before}, {@code tasks} (the train tasks and their repairs), {@code fine-tuning},
 * {@code evaluating-after}, {@code done}. Empty for a run that is not a round.
 */
@ApplicationScoped
public class RunRound {

    static final String ROUNDS = "finetune_rounds";
    static final String EVALUATIONS = "evaluations";

    private final MongoClient client;
    private final String database;

    public RunRound(MongoClient client, @ConfigProperty(name = "itera.mongo.database") String database) {
        this.client = client;
        this.database = database;
    }

    public Optional<Map<String, Object>> of(String runId) {
        MongoDatabase db = client.getDatabase(database);
        Document before = db.getCollection(EVALUATIONS).find(Filters.eq("run", runId + ".before")).first();
        Document round = db.getCollection(ROUNDS).find(Filters.eq("run", runId)).first();
        Document after = db.getCollection(EVALUATIONS).find(Filters.eq("run", runId + ".after")).first();
        if (before == null && round == null && after == null) {
            return Optional.empty();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("phase", phase(before, round, after));
        put(report, "before", before, "accuracy");
        put(report, "round", round, "trained");
        put(report, "after", after, "accuracy");
        return Optional.of(report);
    }

    private static String phase(Document before, Document round, Document after) {
        if (after != null) {
            return running(after) ? "evaluating-after" : "done";
        }
        if (round != null) {
            return running(round) ? "fine-tuning" : "evaluating-after";
        }
        return before != null && running(before) ? "evaluating-before" : "tasks";
    }

    private static boolean running(Document doc) {
        return "running".equals(doc.getString("status"));
    }

    private static void put(Map<String, Object> report, String name, Document doc, String detail) {
        if (doc == null) {
            return;
        }
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("id", doc.get("_id"));
        part.put("status", doc.getString("status"));
        if (doc.containsKey(detail)) {
            part.put(detail, doc.get(detail));
        }
        report.put(name, part);
    }
}
