package org.itera.core.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * Checks tasks before they are run, wherever they come from (REST, the topic, the CLI), and parses
 * raw JSON into a {@link TaskEvent} with the defaults applied.
 */
public final class TaskValidator {

    /** The largest task accepted, in bytes of its JSON form. */
    public static final int MAX_TASK_BYTES = 256 * 1024;

    private static final Set<String> SETTINGS = Set.of(TaskEvent.SETTING_PROBLEM_SOLVING);
    private static final Set<String> SPLITS = Set.of(TaskEvent.SPLIT_TRAIN, TaskEvent.SPLIT_TEST);

    private final Set<String> subjects;

    public TaskValidator(Set<String> subjects) {
        this.subjects = new TreeSet<>(subjects);
    }

    /** Parses and validates one JSON task; throws with every reason when it cannot be run. */
    public TaskEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidTaskException(List.of("empty message"));
        }
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_TASK_BYTES) {
            throw new InvalidTaskException(List.of(tooLarge(size)));
        }
        TaskEvent task;
        List<String> shape = new ArrayList<>();
        try {
            JsonNode tree = Json.mapper().readTree(json);
            if (tree instanceof ObjectNode object && !modelsShape(object.get("models"), shape)) {
                object.remove("models");
            }
            task = Json.mapper().treeToValue(tree, TaskEvent.class);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskException(List.of("not a JSON task object: " + e.getOriginalMessage()));
        }
        return check(task, size, shape);
    }

    /** Validates an already-parsed task and returns it with the defaults applied. */
    public TaskEvent check(TaskEvent task) {
        return check(task, sizeOf(task), List.of());
    }

    private TaskEvent check(TaskEvent task, int size, List<String> shape) {
        if (task == null) {
            throw new InvalidTaskException(List.of("not a JSON task object: null"));
        }
        List<String> reasons = reasons(task.withDefaults(), size);
        reasons.addAll(shape);
        if (!reasons.isEmpty()) {
            throw new InvalidTaskException(reasons);
        }
        return task.withDefaults();
    }

    private List<String> reasons(TaskEvent task, int size) {
        List<String> reasons = new ArrayList<>();
        requireText(reasons, "id", task.id());
        requireText(reasons, "question", task.question());
        requireText(reasons, "answer", task.answer());
        if (task.subject() == null || task.subject().isBlank()) {
            reasons.add("missing subject (one of " + subjects + ")");
        } else if (!subjects.contains(task.subject())) {
            reasons.add("unknown subject '" + task.subject() + "' (one of " + subjects + ")");
        }
        if (!SETTINGS.contains(task.setting())) {
            reasons.add("unsupported setting '" + task.setting() + "' (one of " + SETTINGS + ")");
        }
        if (!SPLITS.contains(task.split())) {
            reasons.add("unknown split '" + task.split() + "' (train or test)");
        }
        if (task.round() != null && task.round() < 0) {
            reasons.add("round must not be negative");
        }
        if (size > MAX_TASK_BYTES) {
            reasons.add(tooLarge(size));
        }
        if (task.models() != null) {
            task.models().forEach((agent, model) -> modelReasons(reasons, task.subject(), agent, model));
        }
        return reasons;
    }

    /** {@code models} must be a JSON object of strings; false (with the reason) when it is not. */
    private static boolean modelsShape(JsonNode models, List<String> reasons) {
        if (models == null || models.isNull()) {
            return true;
        }
        if (!models.isObject()) {
            reasons.add("models must be an object of agent id to model id, not " + models.getNodeType());
            return false;
        }
        List<String> bad = new ArrayList<>();
        models.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                bad.add("model of agent '" + e.getKey() + "' must be a string, not " + e.getValue().getNodeType());
            }
        });
        reasons.addAll(bad);
        return bad.isEmpty();
    }

    private static void modelReasons(List<String> reasons, String subject, String agent, String model) {
        if (agent == null || agent.isBlank()) {
            reasons.add("models has a blank agent id");
            return;
        }
        if (model == null || model.isBlank()) {
            reasons.add("model of agent '" + agent + "' is blank");
        }
        if (subject != null && !agent.startsWith(subject + "-")) {
            reasons.add("models names agent '" + agent + "', which is not of subject " + subject
                    + " (agent ids are <subject>-<role>)");
        }
    }

    private static void requireText(List<String> reasons, String field, String value) {
        if (value == null || value.isBlank()) {
            reasons.add("missing " + field);
        }
    }

    private static String tooLarge(int size) {
        return "task is " + size + " bytes, over the limit of " + MAX_TASK_BYTES + " bytes";
    }

    private static int sizeOf(TaskEvent task) {
        try {
            return Json.mapper().writeValueAsBytes(task).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task cannot be written as JSON", e);
        }
    }
}
