package org.itera.filter.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counts for {@code GET /library/stats}: graded trajectories by subject, outcome, origin and split,
 * library entries by subject, agent role and origin, repairs (see {@link RepairStats}) and each
 * setting's counters and rates (see {@link SettingStats}).
 */
@ApplicationScoped
public class LibraryStats {

    private final TrajectoryStore store;
    private final RepairStats repairs;
    private final SettingStats settings;

    public LibraryStats(TrajectoryStore store, RepairStats repairs, SettingStats settings) {
        this.store = store;
        this.repairs = repairs;
        this.settings = settings;
    }

    public Map<String, Object> compute() {
        return compute(Scope.ALL);
    }

    /** The same counts over the documents of one scope (e.g. one run). */
    public Map<String, Object> compute(Bson scope) {
        return Map.of("trajectories", trajectoryCounts(scope), "experience", experienceCounts(scope),
                "repairs", repairs.compute(scope), "settings", settings.compute(scope));
    }

    private Map<String, Object> trajectoryCounts(Bson scope) {
        List<Document> groups = groupCounts(store.trajectories(), scope, "subject", "correct", "origin", "split");
        Map<String, Object> counts = new TreeMap<>();
        counts.put("total", total(groups));
        counts.put("bySubject", nested(groups, "subject", "correct"));
        counts.put("byOutcome", flat(groups, "correct"));
        counts.put("byOrigin", flat(groups, "origin"));
        counts.put("bySplit", flat(groups, "split"));
        counts.put("bySubjectSplit", outcomes(groups, "subject", "split", false));
        counts.put("firstAttemptsBySplit", outcomes(groups, null, "split", true).getOrDefault("", Map.of()));
        return counts;
    }

    private Map<String, Object> experienceCounts(Bson scope) {
        List<Document> groups = groupCounts(store.experience(), scope, "subject", "role", "origin");
        Map<String, Object> counts = new TreeMap<>();
        counts.put("total", total(groups));
        counts.put("bySubject", flat(groups, "subject"));
        counts.put("byRole", nested(groups, "subject", "role"));
        counts.put("byOrigin", flat(groups, "origin"));
        return counts;
    }

    private static List<Document> groupCounts(MongoCollection<Document> collection, Bson scope, String... fields) {
        Document key = new Document();
        for (String field : fields) {
            key.append(field, "$" + field);
        }
        Bson group = Aggregates.group(key, Accumulators.sum("n", 1));
        List<Bson> stages = scope == Scope.ALL ? List.of(group) : List.of(Aggregates.match(scope), group);
        return collection.aggregate(stages).into(new java.util.ArrayList<>());
    }

    private static long total(List<Document> groups) {
        return groups.stream().mapToLong(g -> g.get("n", Number.class).longValue()).sum();
    }

    private static Map<String, Long> flat(List<Document> groups, String field) {
        Map<String, Long> counts = new TreeMap<>();
        for (Document group : groups) {
            counts.merge(label(group, field), count(group), Long::sum);
        }
        return counts;
    }

    private static Map<String, Map<String, Long>> nested(List<Document> groups, String outer, String inner) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Document group : groups) {
            counts.computeIfAbsent(label(group, outer), k -> new TreeMap<>())
                    .merge(label(group, inner), count(group), Long::sum);
        }
        return counts;
    }

    /** {@code outer} (or "" when null) to {@code inner} to {success, failure}; first attempts only when asked. */
    private static Map<String, Map<String, Map<String, Long>>> outcomes(List<Document> groups, String outer,
            String inner, boolean firstAttemptsOnly) {
        Map<String, Map<String, Map<String, Long>>> counts = new TreeMap<>();
        for (Document group : groups) {
            if (firstAttemptsOnly && !"generated".equals(group.get("_id", Document.class).get("origin"))) {
                continue;
            }
            counts.computeIfAbsent(outer == null ? "" : label(group, outer), k -> new TreeMap<>())
                    .computeIfAbsent(label(group, inner), k -> new TreeMap<>(Map.of("success", 0L, "failure", 0L)))
                    .merge(label(group, "correct"), count(group), Long::sum);
        }
        return counts;
    }

    private static String label(Document group, String field) {
        Object value = group.get("_id", Document.class).get(field);
        if ("correct".equals(field)) {
            return Boolean.TRUE.equals(value) ? "success" : "failure";
        }
        return value == null ? "none" : value.toString();
    }

    private static long count(Document group) {
        return group.get("n", Number.class).longValue();
    }
}
