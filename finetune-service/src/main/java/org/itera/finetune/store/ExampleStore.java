package org.itera.finetune.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.finetune.dataset.Example;
import org.itera.finetune.training.Trainee;

/**
 * {@code finetune_examples}: one document per FinetuneRecord ({@code _id} = record id, so a
 * redelivered record changes nothing); {@code trainedInRound} is null until a job of its own agent
 * that used the example succeeded, {@code trainedFor} lists the other trainees (a variant team's
 * agents, a pooled job) trained on it ({@link TraineeFilters}).
 */
@ApplicationScoped
public class ExampleStore {

    private final Collections collections;

    public ExampleStore(Collections collections) {
        this.collections = collections;
    }

    void createIndexes(@Observes StartupEvent start) {
        examples().createIndex(Indexes.ascending("agent", "trainedInRound"));
        examples().createIndex(Indexes.ascending("agent", TraineeFilters.TRAINED_FOR_TRAINEE));
    }

    /** Stores the example; false when it was already there. */
    public boolean save(FinetuneRecord record) {
        List<Document> messages = record.messages().stream()
                .map(ExampleStore::message).toList();
        return Collections.insertIfAbsent(examples(), new Document("_id", record.id())
                .append("agent", record.agent()).append("subject", record.subject()).append("role", record.role())
                .append("messages", messages).append("trajectoryId", record.trajectoryId())
                .append("origin", record.origin()).append("round", record.round())
                .append("trainedInRound", null).append("createdAt", new Date()));
    }

    /** Examples not yet trained for their own agent, by agent. */
    public Map<String, Integer> untrainedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Document d : examples().find(Filters.eq("trainedInRound", null)).projection(new Document("agent", 1))) {
            counts.merge(d.getString("agent"), 1, Integer::sum);
        }
        return counts;
    }

    /** The examples the trainee has not been trained on. */
    public long untrainedCount(Trainee trainee) {
        return examples().countDocuments(TraineeFilters.untrained(trainee));
    }

    /**
     * The agent's examples, all of them or only the untrained ones, in id order: the training
     * file is then a function of what the library holds, not of the order the records happened to
     * arrive in (which follows how many tasks and repairs ran at once), so the trainer's seeded
     * shuffle gives the same batches for the same library.
     */
    public List<Example> examples(String agent, boolean untrainedOnly) {
        return examples(untrainedOnly ? untrained(agent) : Filters.eq("agent", agent));
    }

    /** The trainee's examples (of its sources and origins), all or the ones it has not used, in id order. */
    public List<Example> examples(Trainee trainee, boolean untrainedOnly) {
        return examples(untrainedOnly ? TraineeFilters.untrained(trainee) : TraineeFilters.examples(trainee));
    }

    private List<Example> examples(Bson filter) {
        List<Example> list = new ArrayList<>();
        for (Document d : examples().find(filter).sort(Sorts.ascending("_id"))) {
            List<ChatMessage> messages = d.getList("messages", Document.class).stream()
                    .map(m -> new ChatMessage(m.getString("role"), m.getString("content"), m.getInteger("weight")))
                    .toList();
            list.add(new Example(d.getString("_id"), d.getString("agent"), messages));
        }
        return list;
    }

    /** The agent's subject and role, from any of its examples. */
    public Document identity(String agent) {
        return examples().find(Filters.eq("agent", agent)).projection(new Document("subject", 1).append("role", 1)).first();
    }

    /** Marks the examples trained for the trainee in the round (an example already marked for it keeps its round). */
    public void markTrained(Trainee trainee, List<String> ids, int round) {
        if (ids.isEmpty()) {
            return;
        }
        String key = trainee.key();
        if (trainee.sources().contains(key)) {
            examples().updateMany(Filters.and(Filters.in("_id", ids), Filters.eq("agent", key),
                    Filters.eq(TraineeFilters.TRAINED_IN_ROUND, null)), Updates.set(TraineeFilters.TRAINED_IN_ROUND, round));
        }
        examples().updateMany(Filters.and(Filters.in("_id", ids), Filters.ne("agent", key),
                Filters.ne(TraineeFilters.TRAINED_FOR_TRAINEE, key)),
                Updates.push(TraineeFilters.TRAINED_FOR, new Document("trainee", key).append("round", round)));
    }

    private static Bson untrained(String agent) {
        return Filters.and(Filters.eq("agent", agent), Filters.eq("trainedInRound", null));
    }

    private MongoCollection<Document> examples() {
        return collections.get(Collections.EXAMPLES);
    }

    /** A message as stored: role, content and, when set, its training weight. */
    private static Document message(ChatMessage m) {
        Document message = new Document("role", m.role()).append("content", m.content());
        return m.weight() == null ? message : message.append("weight", m.weight());
    }
}
