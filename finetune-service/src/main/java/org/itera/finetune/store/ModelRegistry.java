package org.itera.finetune.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.itera.core.event.ModelUpdateEvent;

/**
 * {@code models}: every fine-tuned model, one document per (agent, round); the latest one is
 * current. {@code published} tells whether it was announced on {@code model-updates}, so a job
 * completed again after a restart registers and announces its model only once.
 */
@ApplicationScoped
public class ModelRegistry {

    private final Collections collections;

    public ModelRegistry(Collections collections) {
        this.collections = collections;
    }

    public static String idOf(String agent, int round) {
        return agent + "@r" + round;
    }

    /** Registers the model unless the agent already has one for the round; returns the one registered. */
    public Document registerOnce(ModelUpdateEvent model) {
        Document doc = new Document("_id", idOf(model.agent(), model.round())).append("agent", model.agent())
                .append("subject", model.subject()).append("role", model.role()).append("model", model.model())
                .append("base", model.base()).append("round", model.round()).append("jobId", model.jobId())
                .append("examples", model.examples()).append("published", false).append("createdAt", new Date());
        Collections.insertIfAbsent(models(), doc);
        return models().find(Filters.eq("_id", doc.getString("_id"))).first();
    }

    /** The event announcing a registered model. */
    public static ModelUpdateEvent eventOf(Document model) {
        return new ModelUpdateEvent(model.getString("agent"), model.getString("subject"), model.getString("role"),
                model.getString("model"), model.getString("base"), model.getInteger("round"), model.getString("jobId"),
                model.getInteger("examples"));
    }

    public void markPublished(String agent, int round) {
        models().updateOne(Filters.eq("_id", idOf(agent, round)), Updates.set("published", true));
    }

    /** The agent's latest model registered in a round up to {@code maxRound}. */
    public Optional<Document> latest(String agent, int maxRound) {
        return Optional.ofNullable(models().find(Filters.and(Filters.eq("agent", agent), Filters.lte("round", maxRound)))
                .sort(Sorts.descending("round")).first());
    }

    /** Every registered model, oldest round first. */
    public List<Document> history() {
        return models().find().sort(Sorts.ascending("round", "agent")).into(new ArrayList<>());
    }

    /** The current (latest) model of each agent. */
    public Map<String, Document> current() {
        Map<String, Document> current = new LinkedHashMap<>();
        history().forEach(d -> current.put(d.getString("agent"), d));
        return current;
    }

    private MongoCollection<Document> models() {
        return collections.get(Collections.MODELS);
    }
}
