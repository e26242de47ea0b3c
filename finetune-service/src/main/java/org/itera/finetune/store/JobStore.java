package org.itera.finetune.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code finetune_jobs}: one document per (agent, round), {@code _id} {@code <agent>@r<round>}:
 * the job, its status and events, or why the agent was skipped or its job failed. A record without
 * {@code finishedAt} belongs to a job still being prepared or followed (or left so by a stop).
 */
@ApplicationScoped
public class JobStore {

    private final Collections collections;

    public JobStore(Collections collections) {
        this.collections = collections;
    }

    /** Starts (or restarts) the record of an agent's job in a round, with the examples it trains on. */
    public void begin(String agent, int round, String mode, String base, List<String> exampleIds) {
        Document doc = new Document("_id", ModelRegistry.idOf(agent, round)).append("agent", agent)
                .append("round", round).append("mode", mode).append("model", base)
                .append("examples", exampleIds.size()).append("exampleIds", exampleIds)
                .append("status", "preparing").append("startedAt", new Date());
        jobs().replaceOne(Filters.eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
    }

    public void update(String agent, int round, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set("updatedAt", new Date()));
        jobs().updateOne(Filters.eq("_id", ModelRegistry.idOf(agent, round)), Updates.combine(all));
    }

    /** Ends the record: {@code status} succeeded, failed, cancelled, skipped or error, with a reason. */
    public void finish(String agent, int round, String status, String reason) {
        update(agent, round, Updates.set("status", status), Updates.set("reason", reason),
                Updates.set("finishedAt", new Date()));
    }

    public Optional<Document> find(String agent, int round) {
        return Optional.ofNullable(jobs().find(Filters.eq("_id", ModelRegistry.idOf(agent, round))).first());
    }

    /** The round's job records, without the (long) list of example ids. */
    public List<Document> ofRound(int round) {
        return jobs().find(Filters.eq("round", round)).projection(new Document("exampleIds", 0))
                .sort(Sorts.ascending("agent")).into(new ArrayList<>());
    }

    private MongoCollection<Document> jobs() {
        return collections.get(Collections.JOBS);
    }
}
