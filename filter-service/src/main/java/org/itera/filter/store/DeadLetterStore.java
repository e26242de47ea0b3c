package org.itera.filter.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.itera.core.event.Topics;

/**
 * The {@code dead-letters} collection: every message of every {@code *-dlq} topic, once (its id is
 * topic, partition and offset, so a redelivered one replaces itself), with its reason, task, subject
 * and run. A run's report counts them by topic and, for {@code tasks-dlq}, by subject.
 */
@ApplicationScoped
public class DeadLetterStore {

    public static final String DEAD_LETTERS = "dead-letters";
    private static final String TASKS_DLQ = Topics.dlq(Topics.TASKS);
    /** How many of a run's dead letters its report lists (newest first); all are counted. */
    static final int LISTED = 20;

    private final MongoClient client;
    private final String database;

    public DeadLetterStore(MongoClient client, @ConfigProperty(name = "itera.mongo.database") String database) {
        this.client = client;
        this.database = database;
    }

    void createIndexes(@Observes StartupEvent start) {
        deadLetters().createIndex(Indexes.ascending("run"));
    }

    public void save(DeadLetter letter) {
        Document doc = new Document("_id", letter.id())
                .append("topic", letter.topic())
                .append("partition", letter.partition())
                .append("offset", letter.offset())
                .append("key", letter.key())
                .append("reason", letter.reason())
                .append("cause", letter.cause())
                .append("taskId", letter.taskId())
                .append("subject", letter.subject())
                .append("run", letter.run())
                .append("payload", letter.payload())
                .append("at", Date.from(letter.at()));
        deadLetters().replaceOne(Filters.eq("_id", letter.id()), doc, new ReplaceOptions().upsert(true));
    }

    /** A run's dead letters: how many per topic, and the newest {@value #LISTED} with their reasons. */
    public Map<String, Object> report(String runId) {
        Map<String, Long> byTopic = new TreeMap<>();
        deadLetters().aggregate(List.of(Aggregates.match(Scope.run(runId)),
                        Aggregates.group("$topic", Accumulators.sum("n", 1))))
                .forEach(g -> byTopic.put(String.valueOf(g.get("_id")), g.get("n", Number.class).longValue()));
        List<Map<String, Object>> latest = new ArrayList<>();
        deadLetters().find(Scope.run(runId)).sort(Sorts.descending("at")).limit(LISTED).forEach(doc -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("topic", doc.getString("topic"));
            entry.put("taskId", doc.getString("taskId"));
            entry.put("reason", doc.getString("reason"));
            entry.put("at", doc.getDate("at").toInstant().toString());
            latest.add(entry);
        });
        Map<String, Long> tasksBySubject = new TreeMap<>();
        deadLetters().aggregate(List.of(Aggregates.match(Scope.and(Scope.run(runId), Filters.eq("topic", TASKS_DLQ))),
                        Aggregates.group("$subject", Accumulators.sum("n", 1))))
                .forEach(g -> tasksBySubject.put(String.valueOf(g.get("_id")), g.get("n", Number.class).longValue()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("total", byTopic.values().stream().mapToLong(Long::longValue).sum());
        report.put("byTopic", byTopic);
        report.put("tasksBySubject", tasksBySubject);
        report.put("latest", latest);
        return report;
    }

    /** The ids of a run's tasks with a message on the given dead-letter topic. */
    public Set<String> taskIds(String runId, String topic) {
        Set<String> ids = new TreeSet<>();
        deadLetters().find(Scope.and(Scope.run(runId), Filters.eq("topic", topic)))
                .forEach(doc -> ids.add(doc.getString("taskId")));
        return ids;
    }

    private MongoCollection<Document> deadLetters() {
        return client.getDatabase(database).getCollection(DEAD_LETTERS);
    }
}
