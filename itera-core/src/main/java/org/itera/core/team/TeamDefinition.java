package org.itera.core.team;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.TaskEvent;
import org.itera.core.grading.AnswerFormat;

/**
 * A team for one subject in one setting: its roles, and the data its setting reads. Teams are read
 * from {@code teams/<subject>.json} (problem solving) or {@code teams/<setting>/<subject>.json};
 * a new team is a new definition, not new code.
 *
 * <p>{@code answerFormat} ({@code letter}, {@code yes-no-maybe}, {@code number}) says how the
 * team's answers are written and read; without it a task with choices reads a letter and one
 * without a number. {@code options} are the setting's own knobs (e.g. the actor-critic judge's
 * rounds), read by that setting. In problem solving the roles speak in order and the last one
 * gives the final answer.
 */
public record TeamDefinition(String setting, String subject, String description, String answerFormat,
        Map<String, Object> options, List<RoleDefinition> roles) {

    public TeamDefinition {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("team '" + subject + "' has no roles");
        }
        setting = setting == null || setting.isBlank() ? TaskEvent.SETTING_PROBLEM_SOLVING : setting;
        if (answerFormat != null) {
            AnswerFormat.parse(answerFormat);
        }
        options = options == null ? Map.of() : Map.copyOf(options);
        roles = List.copyOf(roles);
    }

    /** A problem-solving team. */
    public TeamDefinition(String subject, String description, List<RoleDefinition> roles) {
        this(null, subject, description, null, null, roles);
    }

    public RoleDefinition finalRole() {
        return roles.get(roles.size() - 1);
    }

    public boolean isFinal(RoleDefinition role) {
        return finalRole().name().equals(role.name());
    }

    public Optional<RoleDefinition> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<String> roleNames() {
        return roles.stream().map(RoleDefinition::name).toList();
    }

    /** The agent id of a role in this team, used to pick and fine-tune its model. */
    public String agentId(String role) {
        return agentId(subject, role);
    }

    /** The one rule for agent ids: {@code <subject>-<role>}. */
    public static String agentId(String subject, String role) {
        return subject + "-" + role;
    }

    /** Whether {@code agentId} names an agent of {@code subject} (of the form {@link #agentId}). */
    public static boolean isAgentOf(String subject, String agentId) {
        return agentId.startsWith(agentId(subject, ""));
    }

    /** The agent ids of every role, in speaking order. */
    @JsonIgnore
    public List<String> agentIds() {
        return roles.stream().map(r -> agentId(r.name())).toList();
    }

    /** How this team's answer to the task is written: the declared format, else by its choices. */
    public AnswerFormat answerFormatFor(TaskEvent task) {
        return answerFormat == null ? AnswerFormat.byChoices(task) : AnswerFormat.parse(answerFormat);
    }

    /** A whole-number option of the setting, or the default when the team does not set it. */
    public int intOption(String name, int defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new IllegalStateException("team " + setting + "/" + subject + ": option " + name
                + " must be a whole number, not " + value);
    }

    /** A yes/no option of the setting, or the default when the team does not set it. */
    public boolean booleanOption(String name, boolean defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalStateException("team " + setting + "/" + subject + ": option " + name
                + " must be true or false, not " + value);
    }
}
