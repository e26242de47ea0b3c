package org.itera.filter.store;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Topics;
import org.itera.core.setting.SettingRegistry;

/**
 * Where each task of a run stands, from its stored attempts (the last one decides): graded, right
 * at the first attempt, right in the end, rescued by a repair, waiting for a repair, out of repairs,
 * or dead-lettered (on {@code tasks-dlq} before it ran, or its failure on {@code failures-dlq}).
 */
@ApplicationScoped
public class RunTasks {

    private final TrajectoryStore store;
    private final DeadLetterStore deadLetters;
    private final SettingRegistry settings;

    public RunTasks(TrajectoryStore store, DeadLetterStore deadLetters, SettingRegistry settings) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    public Map<String, Long> count(String runId) {
        Set<String> failedRepairs = deadLetters.taskIds(runId, Topics.dlq(Topics.FAILURES));
        long graded = 0;
        long firstRight = 0;
        long right = 0;
        long rescued = 0;
        long waiting = 0;
        long exhausted = 0;
        for (Document task : lastAttempts(runId)) {
            graded++;
            boolean firstCorrect = Boolean.TRUE.equals(task.get("firstCorrect"));
            boolean correct = Boolean.TRUE.equals(task.get("correct"));
            firstRight += firstCorrect ? 1 : 0;
            right += correct ? 1 : 0;
            rescued += correct && !firstCorrect ? 1 : 0;
            if (TrajectoryStore.REPAIR_EXHAUSTED.equals(task.get("repairStatus"))) {
                exhausted++;
            } else if (!correct && repairable(task) && !failedRepairs.contains(taskId(task))) {
                waiting++;
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("graded", graded);
        counts.put("rightFirstAttempt", firstRight);
        counts.put("right", right);
        counts.put("rescued", rescued);
        counts.put("waitingForRepair", waiting);
        counts.put("exhausted", exhausted);
        counts.put("failuresSentToRepair", failuresSentToRepair(runId));
        counts.put("deadLettered", (long) deadLetters.taskIds(runId, Topics.dlq(Topics.TASKS)).size());
        counts.put("repairDeadLettered", (long) failedRepairs.size());
        return counts;
    }

    /** Per task and round of the run: the first attempt's outcome and the last attempt's outcome and status. */
    private List<Document> lastAttempts(String runId) {
        Document key = new Document("taskId", "$taskId").append("round", "$round");
        return store.trajectories().aggregate(List.of(
                Aggregates.match(Scope.run(runId)),
                Aggregates.sort(Sorts.ascending("attempt")),
                Aggregates.group(key, Accumulators.first("firstCorrect", "$correct"),
                        Accumulators.last("correct", "$correct"), Accumulators.last("repairStatus", "$repairStatus"),
                        Accumulators.last("split", "$split"), Accumulators.last("setting", "$setting"),
                        Accumulators.last("subject", "$subject"))))
                .into(new ArrayList<>());
    }

    /** Failed train attempts of the run that went on {@code failures} (their team repairs; budget left). */
    private long failuresSentToRepair(String runId) {
        long sent = 0;
        for (Document group : store.trajectories().aggregate(List.of(
                Aggregates.match(Scope.and(Scope.run(runId), Filters.eq("correct", false),
                        Filters.eq("split", TaskEvent.SPLIT_TRAIN), Filters.eq("repairStatus", null))),
                Aggregates.group(new Document("setting", "$setting").append("subject", "$subject"),
                        Accumulators.sum("n", 1)))).into(new ArrayList<>())) {
            if (repairs(group.get("_id", Document.class))) {
                sent += group.get("n", Number.class).longValue();
            }
        }
        return sent;
    }

    private boolean repairable(Document task) {
        return TaskEvent.SPLIT_TRAIN.equals(task.get("split")) && repairs(task);
    }

    /** Whether the document's setting repairs failures of its subject's team. */
    private boolean repairs(Document settingAndSubject) {
        String subject = String.valueOf(settingAndSubject.get("subject"));
        return settings.find(String.valueOf(settingAndSubject.get("setting"))).map(s -> s.repairs(subject))
                .orElse(false);
    }

    private static String taskId(Document task) {
        return String.valueOf(task.get("_id", Document.class).get("taskId"));
    }
}
