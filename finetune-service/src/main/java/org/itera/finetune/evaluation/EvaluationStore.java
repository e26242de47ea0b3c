package org.itera.finetune.evaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.itera.finetune.store.Collections;

/**
 * {@code evaluations} ({@code _id} {@code <subject>@r<round>}, or {@code <setting>/<subject>@r<round>}
 * for a setting other than problem solving) and the graded {@code trajectories}
 * that filter-service writes, read to score an evaluation.
 */
@ApplicationScoped
public class EvaluationStore {

    private final Collections collections;

    public EvaluationStore(Collections collections) {
        this.collections = collections;
    }

    public void save(Document evaluation) {
        collections.get(Collections.EVALUATIONS).replaceOne(Filters.eq("_id", evaluation.getString("_id")),
                evaluation, new ReplaceOptions().upsert(true));
    }

    public List<Document> all() {
        return collections.get(Collections.EVALUATIONS).find().sort(Sorts.ascending("round", "subject"))
                .into(new ArrayList<>());
    }

    /** The tasks among {@code taskIds} that were dead-lettered (they will never be graded). */
    public java.util.Set<String> deadLettered(java.util.Collection<String> taskIds) {
        java.util.Set<String> failed = new java.util.TreeSet<>();
        collections.get(Collections.DEAD_LETTERS).find(Filters.in("taskId", taskIds))
                .projection(new Document("taskId", 1)).forEach(doc -> failed.add(doc.getString("taskId")));
        return failed;
    }

    /** The graded trajectories among {@code ids}. */
    public List<Document> graded(List<String> ids) {
        MongoCollection<Document> trajectories = collections.get(Collections.TRAJECTORIES);
        return trajectories.find(Filters.and(Filters.in("_id", ids), Filters.exists("correct")))
                .projection(new Document("correct", 1).append("counters", 1).append("taskId", 1))
                .into(new ArrayList<>());
    }
}
