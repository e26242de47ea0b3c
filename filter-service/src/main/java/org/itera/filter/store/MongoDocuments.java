package org.itera.filter.store;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Grade;
import org.itera.core.event.Repair;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.Outcome;

/** How events become the stored documents users query (field names fixed by the design brief). */
final class MongoDocuments {

    private MongoDocuments() {
    }

    /**
     * The {@code trajectories} document, with the outcome's labels, rewards and counters by role
     * and name (the actor-critic judge's {@code labels.judge: "PT"}, ...) and, for a game, its record
     * ({@code game}: moves, end reason, holdings, payoffs, winner); {@code repairsExhausted} marks a failed one whose task used
     * up its repair budget ({@code repairStatus: "exhausted"}, null otherwise).
     */
    static Document trajectory(TrajectoryEvent t, Outcome outcome, boolean repairsExhausted, Date publishedAt) {
        TaskEvent task = t.task();
        Grade grade = outcome.grade();
        Document document = new Document("_id", t.id())
                .append("taskId", task.id())
                .append("setting", task.setting())
                .append("subject", task.subject())
                .append("split", task.split())
                .append("round", task.roundOrZero())
                .append("run", task.run())
                .append("runs", task.run() == null ? List.of() : List.of(task.run()))
                .append("origin", t.origin())
                .append("parentId", t.parentId())
                .append("repairedRole", t.repairedRole())
                .append("attempt", t.attempt())
                .append("question", task.question())
                .append("choices", task.choices())
                .append("context", task.context())
                .append("turns", plain(t.turns()))
                .append("extracted", grade.extracted())
                .append("expected", grade.expected())
                .append("correct", grade.correct())
                .append("gradeDetail", grade.detail())
                .append("labels", new Document(new java.util.LinkedHashMap<>(outcome.labels())))
                .append("rewards", new Document(new java.util.LinkedHashMap<>(outcome.rewards())))
                .append("counters", new Document(new java.util.LinkedHashMap<>(outcome.counters())))
                .append("startedAt", date(t.startedAt()))
                .append("finishedAt", date(t.finishedAt()))
                .append("gradedAt", new Date())
                .append("repairStatus", repairsExhausted ? TrajectoryStore.REPAIR_EXHAUSTED : null)
                .append("published", true)
                .append("publishedAt", publishedAt);
        if (t.repair() != null) {
            document.append("repair", repair(t.repair()));
        }
        if (t.game() != null) {
            document.append("game", new Document(plainObject(t.game())));
        }
        return document;
    }

    private static Document repair(Repair repair) {
        return new Document("feedback", repair.feedback())
                .append("criticModel", repair.criticModel())
                .append("regenerateModel", repair.regenerateModel())
                .append("rephraseModel", repair.rephraseModel())
                .append("originalOutput", repair.originalOutput())
                .append("regeneratedOutput", repair.regeneratedOutput())
                .append("method", repair.method() == null ? Repair.CRITIQUE : repair.method());
    }

    /** A library entry, with the run of the trajectory it came from (null outside any run). */
    static Document experience(FinetuneRecord example, String run) {
        return new Document("_id", example.id())
                .append("agent", example.agent())
                .append("subject", example.subject())
                .append("role", example.role())
                .append("messages", plain(example.messages()))
                .append("trajectoryId", example.trajectoryId())
                .append("origin", example.origin())
                .append("round", example.round())
                .append("run", run)
                .append("createdAt", new Date());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> plain(List<?> values) {
        return Json.mapper().convertValue(values, List.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainObject(Object value) {
        return Json.mapper().convertValue(value, Map.class);
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
