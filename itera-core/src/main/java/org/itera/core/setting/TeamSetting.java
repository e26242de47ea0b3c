package org.itera.core.setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Grade;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.grading.Grader;
import org.itera.core.repair.RepairMode;
import org.itera.core.team.PromptRenderer;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * What the settings with a team and a reference answer share: the team lookup, the checks of a
 * task (question, answer, a team of this setting with the roles and steps it needs), grading in
 * the team's answer format, and how a library example is written.
 */
public abstract class TeamSetting implements Setting {

    protected final TeamCatalog catalog;
    protected final PromptRenderer renderer;

    protected TeamSetting(TeamCatalog catalog) {
        this.catalog = catalog;
        this.renderer = new PromptRenderer(catalog.prompts());
    }

    /** The roles a team of this setting must have, each with the further steps it must declare. */
    protected abstract Map<String, List<String>> requiredRoles();

    @Override
    public TeamDefinition team(String subject) {
        return catalog.team(name(), subject);
    }

    @Override
    public void validate(TaskEvent task, List<String> reasons) {
        requireText(reasons, "question", task.question());
        requireText(reasons, "answer", task.answer());
        if (task.subject() == null || !catalog.subjects().contains(task.subject())) {
            return; // the validator names the unknown subject
        }
        Optional<TeamDefinition> team = catalog.find(name(), task.subject());
        if (team.isEmpty()) {
            reasons.add("subject '" + task.subject() + "' has no " + name() + " team (" + name() + " teams: "
                    + catalog.subjectsOf(name()) + ")");
            return;
        }
        reasons.addAll(teamProblems(team.get()));
    }

    /** What the team lacks for this setting: a required role, or a step prompt of one. */
    @Override
    public List<String> teamProblems(TeamDefinition team) {
        List<String> problems = new ArrayList<>();
        String name = name() + "/" + team.subject();
        RepairMode.problem(team).ifPresent(problems::add);
        requiredRoles().forEach((role, steps) -> {
            Optional<RoleDefinition> defined = team.role(role);
            if (defined.isEmpty()) {
                problems.add("team " + name + " lacks the role '" + role + "', which the " + name()
                        + " setting needs (it has " + team.roleNames() + ")");
                return;
            }
            for (String step : steps) {
                if (defined.get().stepPrompt(step).isEmpty()) {
                    problems.add("role '" + role + "' of team " + name + " has no '" + step + "' step prompt, which the "
                            + name() + " setting needs");
                }
            }
        });
        return problems;
    }

    /** The setting repairs, and the subject's team (when known) does not say {@code "repair": "none"}. */
    @Override
    public boolean repairs(String subject) {
        return repairs() && catalog.find(name(), subject).map(t -> RepairMode.of(t).repairs()).orElse(true);
    }

    @Override
    public Optional<String> trajectoryProblem(TrajectoryEvent trajectory) {
        TaskEvent task = trajectory.task();
        if (task.answer() == null) {
            return Optional.of("trajectory " + trajectory.id() + " carries no task with an answer");
        }
        if (task.subject() == null || !catalog.subjects().contains(task.subject())) {
            return Optional.of("trajectory " + trajectory.id() + " has unknown subject '" + task.subject() + "'");
        }
        List<String> reasons = new ArrayList<>();
        Optional<TeamDefinition> team = catalog.find(name(), task.subject());
        if (team.isEmpty()) {
            reasons.add("subject '" + task.subject() + "' has no " + name() + " team");
        } else {
            reasons.addAll(teamProblems(team.get()));
        }
        if (trajectory.turns() == null || trajectory.turns().isEmpty()) {
            reasons.add("it has no turns");
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of("trajectory " + trajectory.id() + ": " + String.join("; ", reasons));
    }

    /** Grades an answer to the task in its team's answer format. */
    protected static Grade grade(TeamDefinition team, TaskEvent task, String output) {
        return Grader.grade(team.answerFormatFor(task), task, output);
    }

    /** One library example: a role's chat followed by the answer it is to learn. */
    protected static FinetuneRecord example(TrajectoryEvent trajectory, String role, List<ChatMessage> chat,
            String answer) {
        List<ChatMessage> messages = new ArrayList<>(chat);
        messages.add(ChatMessage.assistant(answer));
        String subject = trajectory.task().subject();
        return new FinetuneRecord(FinetuneRecord.idFor(trajectory.id(), role), TeamDefinition.agentId(subject, role),
                subject, role, List.copyOf(messages), trajectory.id(), trajectory.origin(),
                trajectory.task().roundOrZero(), trajectory.task().id(), trajectory.task().split());
    }

    private static void requireText(List<String> reasons, String field, String value) {
        if (value == null || value.isBlank()) {
            reasons.add("missing " + field);
        }
    }
}
