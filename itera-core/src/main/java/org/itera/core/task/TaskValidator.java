package org.itera.core.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.itera.core.event.Payloads;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.run.RunIds;
import org.itera.core.setting.Setting;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamDefinition;

/**
 * Checks tasks before they are run, wherever they come from (REST, the topic, the CLI), and parses
 * raw JSON into a {@link TaskEvent} with the defaults applied. What every task needs is checked
 * here (id, a known subject and setting, split, round, size, models); what a setting needs (a
 * question, an answer, a team of that setting with the roles it needs) is that setting's check.
 */
public final class TaskValidator {

    /** The largest task accepted, in bytes of its JSON form. */
    public static final int MAX_TASK_BYTES = 256 * 1024;

    private static final Set<String> SPLITS = Set.of(TaskEvent.SPLIT_TRAIN, TaskEvent.SPLIT_TEST);

    private final Set<String> subjects;
    private final Map<String, BiConsumer<TaskEvent, List<String>>> settings = new TreeMap<>();

    /** A validator for the settings of the registry and the subjects of its teams. */
    public TaskValidator(SettingRegistry registry) {
        this.subjects = new TreeSet<>(registry.catalog().subjects());
        registry.names().forEach(name -> {
            Setting setting = registry.get(name);
            settings.put(name, setting::validate);
        });
    }

    /** A validator of problem-solving tasks only, for these subjects (no team is looked at). */
    public TaskValidator(Set<String> subjects) {
        this.subjects = new TreeSet<>(subjects);
        settings.put(TaskEvent.SETTING_PROBLEM_SOLVING, TaskValidator::requireQuestionAndAnswer);
    }

    /** Parses and validates one JSON task; throws with every reason when it cannot be run. */
    public TaskEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidTaskException(List.of("empty task message"));
        }
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_TASK_BYTES) {
            throw new InvalidTaskException(List.of(tooLarge(size)));
        }
        TaskEvent task;
        List<String> shape = new ArrayList<>();
        try {
            JsonNode tree = Json.mapper().readTree(json);
            if (tree != null && !tree.isObject() && !tree.isNull()) {
                throw new InvalidTaskException(List.of("not a JSON task object but " + Payloads.kind(tree)));
            }
            if (tree instanceof ObjectNode object && !modelsShape(object.get("models"), shape)) {
                object.remove("models");
            }
            task = Json.mapper().treeToValue(tree, TaskEvent.class);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskException(List.of("not a JSON task object: " + Payloads.describe(e)));
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
        // an unknown setting is named below; the task is then held to what most settings need
        settings.getOrDefault(task.setting(), TaskValidator::requireQuestionAndAnswer).accept(task, reasons);
        if (task.subject() == null || task.subject().isBlank()) {
            reasons.add("missing subject (one of " + subjects + ")");
        } else if (!subjects.contains(task.subject())) {
            reasons.add("unknown subject '" + task.subject() + "' (one of " + subjects + ")");
        }
        if (!settings.containsKey(task.setting())) {
            reasons.add("unsupported setting '" + task.setting() + "' (one of " + settings.keySet() + ")");
        }
        if (!SPLITS.contains(task.split())) {
            reasons.add("unknown split '" + task.split() + "' (train or test)");
        }
        RunIds.problem(task.run()).ifPresent(reasons::add);
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
        if (subject != null && !TeamDefinition.isAgentOf(subject, agent)) {
            reasons.add("models names agent '" + agent + "', which is not of subject " + subject
                    + " (agent ids are <subject>-<role>)");
        }
    }

    private static void requireQuestionAndAnswer(TaskEvent task, List<String> reasons) {
        requireText(reasons, "question", task.question());
        requireText(reasons, "answer", task.answer());
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
