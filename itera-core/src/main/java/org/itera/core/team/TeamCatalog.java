package org.itera.core.team;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.grading.AnswerFormat;
import org.itera.core.json.Json;

/**
 * The teams Itera knows, read from the class path: every {@code teams/index.txt} lists
 * problem-solving teams, a subject a line, each in {@code teams/<subject>.json}; every
 * {@code teams/settings.txt} lists the teams of the other settings as {@code <setting>/<subject>},
 * each in {@code teams/<setting>/<subject>.json}. Each team file names its prompt files.
 *
 * <p>Loading checks what every team needs (the file declares its setting and subject, every
 * prompt exists, a role only sees earlier roles, no agent id is used twice); whether a team has
 * the roles its setting needs is the setting's check, made when a task for it arrives.
 */
public final class TeamCatalog {

    private static final String INDEX = "teams/index.txt";
    private static final String SETTINGS_INDEX = "teams/settings.txt";
    private static volatile TeamCatalog standard;

    private final Map<String, TeamDefinition> teams;
    private final PromptLibrary prompts;

    TeamCatalog(Map<String, TeamDefinition> teams, PromptLibrary prompts) {
        this.teams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(teams));
        this.prompts = prompts;
    }

    /** The built-in teams, loaded once and checked: every role's prompts exist. */
    public static TeamCatalog standard() {
        if (standard == null) {
            synchronized (TeamCatalog.class) {
                if (standard == null) {
                    standard = load(TeamCatalog.class.getClassLoader());
                }
            }
        }
        return standard;
    }

    /**
     * A catalogue of the given teams over the prompts of {@code prompts}, checked as loading checks
     * (prompts exist, earlier roles only, own agent ids): for tests and for embedding Itera.
     */
    public static TeamCatalog of(List<TeamDefinition> definitions, PromptLibrary prompts) {
        Map<String, TeamDefinition> teams = new LinkedHashMap<>();
        Map<String, String> agents = new LinkedHashMap<>();
        for (TeamDefinition team : definitions) {
            team.roles().forEach(prompts::requireRole);
            requireEarlierSees(team);
            requireOwnAgentIds(team, agents);
            teams.put(key(team.setting(), team.subject()), team);
        }
        return new TeamCatalog(teams, prompts);
    }

    static TeamCatalog load(ClassLoader loader) {
        PromptLibrary prompts = new PromptLibrary(loader);
        List<String> entries = new java.util.ArrayList<>(prompts.linesOfEvery(INDEX, true));
        for (String entry : prompts.linesOfEvery(SETTINGS_INDEX, false)) {
            if (entry.indexOf('/') <= 0) {
                throw new IllegalStateException(SETTINGS_INDEX + ": '" + entry + "' is not <setting>/<subject>");
            }
            entries.add(entry);
        }
        return of(TeamVariants.resolve(entries.stream().map(entry -> readTeam(loader, entry)).toList()), prompts);
    }

    private static TeamFile readTeam(ClassLoader loader, String entry) {
        int slash = entry.indexOf('/');
        String setting = slash < 0 ? TaskEvent.SETTING_PROBLEM_SOLVING : entry.substring(0, slash);
        String subject = entry.substring(slash + 1);
        String path = "teams/" + entry + ".json";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("team file " + path + " is missing");
            }
            TeamFile team = Json.mapper().readValue(in, TeamFile.class);
            if (!subject.equals(team.subject())) {
                throw new IllegalStateException(path + " declares subject " + team.subject());
            }
            String declared = team.setting() == null || team.setting().isBlank() ? TaskEvent.SETTING_PROBLEM_SOLVING
                    : team.setting();
            if (!setting.equals(declared)) {
                throw new IllegalStateException(path + " declares setting " + team.setting() + ", its path says "
                        + setting);
            }
            return team;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Each role may only see roles that spoke before it. */
    private static void requireEarlierSees(TeamDefinition team) {
        java.util.Set<String> spoken = new java.util.HashSet<>();
        for (RoleDefinition role : team.roles()) {
            for (String seen : role.sees()) {
                if (!spoken.contains(seen)) {
                    throw new IllegalStateException("team " + team.subject() + ": role " + role.name()
                            + " sees '" + seen + "', which is not an earlier role");
                }
            }
            spoken.add(role.name());
        }
    }

    /** An agent id is one model's: two teams (of different settings) may not share one. */
    private static void requireOwnAgentIds(TeamDefinition team, Map<String, String> agents) {
        String name = key(team.setting(), team.subject());
        for (String agent : team.agentIds()) {
            String other = agents.putIfAbsent(agent, name);
            if (other != null) {
                throw new IllegalStateException("agent id " + agent + " is used by team " + other + " and by team "
                        + name + ": give the roles different names");
            }
        }
    }

    private static String key(String setting, String subject) {
        return setting + "/" + subject;
    }

    /** Every subject some team answers, in any setting. */
    public Set<String> subjects() {
        Set<String> subjects = new LinkedHashSet<>();
        teams.values().forEach(team -> subjects.add(team.subject()));
        return java.util.Collections.unmodifiableSet(subjects);
    }

    /** The subjects that have a team of this setting. */
    public Set<String> subjectsOf(String setting) {
        Set<String> subjects = new LinkedHashSet<>();
        teams.values().stream().filter(t -> t.setting().equals(setting)).forEach(t -> subjects.add(t.subject()));
        return subjects;
    }

    /** The problem-solving team of a subject. */
    public TeamDefinition team(String subject) {
        return team(TaskEvent.SETTING_PROBLEM_SOLVING, subject);
    }

    /** The team of a subject in a setting; fails naming both when there is none. */
    public TeamDefinition team(String setting, String subject) {
        return find(setting, subject).orElseThrow(() -> new IllegalArgumentException(
                TaskEvent.SETTING_PROBLEM_SOLVING.equals(setting) ? "no team for subject '" + subject + "'"
                        : "no " + setting + " team for subject '" + subject + "'"));
    }

    public Optional<TeamDefinition> find(String setting, String subject) {
        return Optional.ofNullable(teams.get(key(setting, subject)));
    }

    /** The problem-solving teams (see {@link #allTeams()} for every setting's). */
    public List<TeamDefinition> teams() {
        return teams(TaskEvent.SETTING_PROBLEM_SOLVING);
    }

    /** The teams of one setting. */
    public List<TeamDefinition> teams(String setting) {
        return teams.values().stream().filter(t -> t.setting().equals(setting)).toList();
    }

    /** Every team, of every setting. */
    public List<TeamDefinition> allTeams() {
        return List.copyOf(teams.values());
    }

    /**
     * How the task's answer is written: the format its team declares (the subject matched
     * ignoring case), else {@link AnswerFormat#byChoices}.
     */
    public AnswerFormat answerFormatFor(TaskEvent task) {
        String setting = task.withDefaults().setting();
        String subject = task.subject() == null ? "" : task.subject().strip().toLowerCase(Locale.ROOT);
        return teams.values().stream()
                .filter(t -> t.setting().equals(setting) && t.subject().toLowerCase(Locale.ROOT).equals(subject))
                .findFirst().map(t -> t.answerFormatFor(task)).orElseGet(() -> AnswerFormat.byChoices(task));
    }

    public PromptLibrary prompts() {
        return prompts;
    }
}
