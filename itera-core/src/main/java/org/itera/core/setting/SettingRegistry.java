package org.itera.core.setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.setting.actorcritic.ActorCriticSetting;
import org.itera.core.setting.competitive.CompetitiveSetting;
import org.itera.core.setting.problemsolving.ProblemSolvingSetting;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * The settings Itera runs, by name, over one team catalogue. A new setting is one
 * {@link Setting} class, listed in {@link #standard}, plus its teams as data.
 */
public final class SettingRegistry {

    private final TeamCatalog catalog;
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    public SettingRegistry(TeamCatalog catalog, List<Setting> settings) {
        this.catalog = catalog;
        for (Setting setting : settings) {
            if (this.settings.putIfAbsent(setting.name(), setting) != null) {
                throw new IllegalArgumentException("two settings are named " + setting.name());
            }
        }
    }

    /** Problem solving, actor-critic and the competitive games over the catalogue's teams. */
    public static SettingRegistry standard(TeamCatalog catalog) {
        return new SettingRegistry(catalog, List.of(new ProblemSolvingSetting(catalog), new ActorCriticSetting(catalog),
                new CompetitiveSetting(catalog)));
    }

    public TeamCatalog catalog() {
        return catalog;
    }

    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(settings.keySet());
    }

    public Optional<Setting> find(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** The setting of that name; fails naming the known ones. */
    public Setting get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unsupported setting '" + name + "' (one of " + names() + ")"));
    }

    /** The task's setting; problem solving when the task names none. */
    public Setting of(TaskEvent task) {
        return get(task.withDefaults().setting());
    }

    /**
     * Why a task that arrives inside another event (a trajectory, a failure) cannot be handled
     * here: its setting is unknown, or that setting has no team for its subject. Empty when it can.
     */
    public Optional<String> scopeProblem(TaskEvent task) {
        TaskEvent t = task.withDefaults();
        if (find(t.setting()).isEmpty()) {
            return Optional.of("unsupported setting '" + t.setting() + "' (one of " + names() + ")");
        }
        if (t.subject() == null || t.subject().isBlank()) {
            return Optional.of("task " + t.id() + " has no subject");
        }
        if (catalog.find(t.setting(), t.subject()).isEmpty()) {
            return Optional.of("unknown subject '" + t.subject() + "' for setting " + t.setting() + " (one of "
                    + catalog.subjectsOf(t.setting()) + ")");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the catalogue's teams for their settings (an unknown setting, a role the
     * setting needs missing); their tasks are refused with these reasons. Empty when all is well.
     */
    public List<String> teamProblems() {
        List<String> problems = new ArrayList<>();
        for (TeamDefinition team : catalog.allTeams()) {
            Optional<Setting> setting = find(team.setting());
            if (setting.isEmpty()) {
                problems.add("team " + team.setting() + "/" + team.subject() + " is of an unsupported setting");
            } else {
                problems.addAll(setting.get().teamProblems(team));
            }
        }
        return problems;
    }
}
