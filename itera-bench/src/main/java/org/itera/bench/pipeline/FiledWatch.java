package org.itera.bench.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Watches the filter's {@code trajectories} collection of one benchmark database until every task
 * reached the state asked for: its first attempt filed ({@code first}), or its repair loop ended
 * ({@code settled}: filed as right, or as wrong with no repair budget left).
 */
final class FiledWatch {

    enum Until { FIRST, SETTLED }

    private final MongoCollection<Document> trajectories;
    private final Until until;

    FiledWatch(MongoClient client, String database, Until until) {
        this.trajectories = client.getDatabase(database).getCollection("trajectories");
        this.until = until;
    }

    private Bson doneFilter() {
        Bson published = Filters.eq("published", true);
        return until == Until.FIRST
                ? Filters.and(published, Filters.eq("attempt", 0))
                : Filters.and(published, Filters.or(Filters.eq("correct", true), Filters.eq("repairStatus", "exhausted")));
    }

    /** Tasks done so far (of earlier runs in the database too). */
    long done() {
        return trajectories.countDocuments(doneFilter());
    }

    /**
     * Waits until {@code count} more tasks than {@code baseline} are done or the timeout passes;
     * returns how many more are.
     */
    long await(long baseline, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long done = done() - baseline;
        while (done < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            done = done() - baseline;
        }
        return done;
    }

    /** When a task's last attempt was generated and filed (epoch milliseconds). */
    record Done(long generatedAt, long filedAt) {
        Done later(Done other) {
            return other.filedAt > filedAt ? other : this;
        }
    }

    /** Task id to when it was done (the document's {@code finishedAt} and {@code publishedAt}). */
    Map<String, Done> doneAt() {
        Map<String, Done> at = new HashMap<>();
        for (Document doc : trajectories.find(doneFilter())
                .projection(Projections.include("taskId", "finishedAt", "publishedAt"))) {
            Date generated = doc.getDate("finishedAt");
            Date published = doc.getDate("publishedAt");
            Done done = new Done(generated == null ? published.getTime() : generated.getTime(), published.getTime());
            at.merge(doc.getString("taskId"), done, Done::later);
        }
        return at;
    }

    /** Filed attempts after the first (repairs) across the database. */
    long repairs() {
        return trajectories.countDocuments(Filters.gt("attempt", 0));
    }
}
