package org.itera.finetune.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** {@code finetune_rounds}: one document per round ({@code _id} = round number, from 1). */
@ApplicationScoped
public class RoundStore {

    private final Collections collections;

    public RoundStore(Collections collections) {
        this.collections = collections;
    }

    /**
     * Opens the next round, as part of the given run (null: of none), scoped to the given subjects
     * (null: a round that names none); a number another instance took first is skipped.
     */
    public int open(List<String> agents, String trigger, String mode, String run, List<String> subjects) {
        while (true) {
            Document last = rounds().find().sort(Sorts.descending("_id")).first();
            int round = last == null ? 1 : last.getInteger("_id") + 1;
            Document doc = new Document("_id", round).append("agents", agents).append("trigger", trigger)
                    .append("mode", mode).append("run", run).append("subjects", subjects).append("status", "running")
                    .append("startedAt", new Date());
            if (Collections.insertIfAbsent(rounds(), doc)) {
                return round;
            }
        }
    }

    public void close(int round, List<String> trained) {
        rounds().updateOne(Filters.eq("_id", round), Updates.combine(Updates.set("status", "done"),
                Updates.set("trained", trained), Updates.set("finishedAt", new Date())));
    }

    /** Rounds still {@code running}: after a start-up, the ones a stopped instance left unfinished. */
    public List<Document> unfinished() {
        return rounds().find(Filters.eq("status", "running")).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    public Optional<Document> find(int round) {
        return Optional.ofNullable(rounds().find(Filters.eq("_id", round)).first());
    }

    public List<Document> all() {
        return rounds().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private MongoCollection<Document> rounds() {
        return collections.get(Collections.ROUNDS);
    }
}
