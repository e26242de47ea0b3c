package org.itera.modelserver.finetune.jobs;

import org.itera.modelserver.finetune.store.Ids;

import java.util.Map;

/** One entry of a job's event log: {@code type} "message" or "metrics" (with step, loss ... in {@code data}). */
public record JobEvent(String id, long createdAt, String level, String message, String type,
                       Map<String, Object> data) {

    public static JobEvent info(String message) {
        return new JobEvent(Ids.next("ftevent-"), Ids.now(), "info", message, "message", null);
    }

    public static JobEvent info(String message, Map<String, Object> data) {
        return new JobEvent(Ids.next("ftevent-"), Ids.now(), "info", message, "message", data);
    }

    public static JobEvent warn(String message) {
        return new JobEvent(Ids.next("ftevent-"), Ids.now(), "warn", message, "message", null);
    }

    public static JobEvent error(String message) {
        return new JobEvent(Ids.next("ftevent-"), Ids.now(), "error", message, "message", null);
    }

    public static JobEvent metrics(String message, Map<String, Object> data) {
        return new JobEvent(Ids.next("ftevent-"), Ids.now(), "info", message, "metrics", data);
    }
}
