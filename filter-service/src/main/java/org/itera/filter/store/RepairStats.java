package org.itera.filter.store;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.itera.core.event.TrajectoryEvent;

/**
 * The {@code repairs} section of {@code GET /library/stats}, from the {@code trajectories}
 * collection: in total and by subject and repaired role ({@code "none"} for a generated
 * trajectory that was exhausted without any repair), see {@link RepairTally}.
 */
@ApplicationScoped
public class RepairStats {

    private final TrajectoryStore store;

    public RepairStats(TrajectoryStore store) {
        this.store = store;
    }

    public Map<String, Object> compute(Bson scope) {
        RepairTally total = new RepairTally();
        Map<String, Map<String, RepairTally>> bySubject = new TreeMap<>();
        for (Document group : groupCounts(Scope.and(scope, Filters.eq("origin", TrajectoryEvent.ORIGIN_REGENERATED)))) {
            boolean correct = Boolean.TRUE.equals(group.get("_id", Document.class).get("correct"));
            total.addRegenerated(correct, count(group));
            tally(bySubject, group).addRegenerated(correct, count(group));
        }
        for (Document group : groupCounts(Scope.and(scope,
                Filters.eq("repairStatus", TrajectoryStore.REPAIR_EXHAUSTED)))) {
            total.addExhausted(count(group));
            tally(bySubject, group).addExhausted(count(group));
        }
        Map<String, Object> subjects = new TreeMap<>();
        bySubject.forEach((subject, roles) -> {
            Map<String, Object> byRole = new TreeMap<>();
            roles.forEach((role, tally) -> byRole.put(role, tally.toMap()));
            subjects.put(subject, byRole);
        });
        Map<String, Object> repairs = new LinkedHashMap<>();
        repairs.put("total", total.toMap());
        repairs.put("bySubject", subjects);
        return repairs;
    }

    private List<Document> groupCounts(Bson match) {
        Document key = new Document("subject", "$subject").append("repairedRole", "$repairedRole")
                .append("correct", "$correct");
        return store.trajectories()
                .aggregate(List.of(Aggregates.match(match), Aggregates.group(key, Accumulators.sum("n", 1))))
                .into(new ArrayList<>());
    }

    private static RepairTally tally(Map<String, Map<String, RepairTally>> bySubject, Document group) {
        Document key = group.get("_id", Document.class);
        return bySubject.computeIfAbsent(label(key.get("subject")), k -> new TreeMap<>())
                .computeIfAbsent(label(key.get("repairedRole")), k -> new RepairTally());
    }

    private static String label(Object value) {
        return value == null ? "none" : value.toString();
    }

    private static long count(Document group) {
        return group.get("n", Number.class).longValue();
    }
}
