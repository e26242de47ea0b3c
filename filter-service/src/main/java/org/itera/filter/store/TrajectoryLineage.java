package org.itera.filter.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The repair chain a trajectory belongs to, for {@code GET /trajectories/{id}/lineage}: every
 * stored attempt at the same task in the same round, in attempt order (0 = generated, n = n-th
 * repair, each repairing the one before).
 */
@ApplicationScoped
public class TrajectoryLineage {

    private final TrajectoryStore store;

    public TrajectoryLineage(TrajectoryStore store) {
        this.store = store;
    }

    /** The lineage of a stored trajectory; empty when there is no trajectory with this id. */
    public Optional<Map<String, Object>> of(String trajectoryId) {
        return store.trajectory(trajectoryId).map(this::lineage);
    }

    private Map<String, Object> lineage(Document trajectory) {
        String taskId = trajectory.getString("taskId");
        Object round = trajectory.get("round");
        List<Map<String, Object>> attempts = store.attempts(taskId, round).stream()
                .map(TrajectoryLineage::attempt).toList();
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("taskId", taskId);
        lineage.put("round", round);
        lineage.put("attempts", attempts);
        return lineage;
    }

    private static Map<String, Object> attempt(Document doc) {
        Document repair = doc.get("repair", Document.class);
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("id", doc.getString("_id"));
        attempt.put("attempt", doc.get("attempt"));
        attempt.put("origin", doc.getString("origin"));
        attempt.put("parentId", doc.getString("parentId"));
        attempt.put("repairedRole", doc.getString("repairedRole"));
        attempt.put("correct", doc.getBoolean("correct"));
        attempt.put("extracted", doc.getString("extracted"));
        attempt.put("repairStatus", doc.getString("repairStatus"));
        attempt.put("feedback", repair == null ? null : repair.getString("feedback"));
        return attempt;
    }
}
