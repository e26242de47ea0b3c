package org.itera.filter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.itera.core.json.Json;

/**
 * One message on a dead-letter topic, as the ledger keeps it: where it was ({@code topic},
 * partition, offset: its id), the key, the reason the service gave, and the task, subject and run it
 * belongs to when its payload says so (a task, a trajectory or a graded trajectory; null when the
 * payload is not such JSON). The payload is kept up to {@link #MAX_PAYLOAD} characters.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String reason, String cause,
        String taskId, String subject, String run, String payload, Instant at) {

    public static final int MAX_PAYLOAD = 4_000;

    /** The ledger entry of a dead-lettered message, the task and run read from its payload where it can be. */
    public static DeadLetter of(String topic, int partition, long offset, String key, String payload, String reason,
            String cause, Instant at) {
        JsonNode task = taskOf(payload);
        String taskId = text(task, "id");
        return new DeadLetter(topic, partition, offset, key, reason, cause, taskId == null ? key : taskId,
                text(task, "subject"), text(task, "run"), abbreviate(payload), at);
    }

    public String id() {
        return topic + "/" + partition + "/" + offset;
    }

    /** The task object of a task, trajectory or graded-trajectory payload; null when there is none. */
    private static JsonNode taskOf(String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(payload);
            if (node == null || !node.isObject()) {
                return null;
            }
            if (node.path("trajectory").path("task").isObject()) {
                return node.path("trajectory").path("task");
            }
            return node.path("task").isObject() ? node.path("task") : node;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static String abbreviate(String payload) {
        return payload == null || payload.length() <= MAX_PAYLOAD ? payload : payload.substring(0, MAX_PAYLOAD);
    }
}
