package org.itera.core.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.json.Json;

/**
 * The teams Itera knows, read from the class path: {@code teams/index.txt} lists the subjects, and
 * each subject has {@code teams/<subject>.json} plus the prompt files it names.
 */
public final class TeamCatalog {

    private static final String INDEX = "teams/index.txt";
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

    static TeamCatalog load(ClassLoader loader) {
        PromptLibrary prompts = new PromptLibrary(loader);
        Map<String, TeamDefinition> teams = new LinkedHashMap<>();
        for (String subject : prompts.lines(INDEX)) {
            TeamDefinition team = readTeam(loader, subject);
            team.roles().forEach(prompts::requireRole);
            requireEarlierSees(team);
            teams.put(subject, team);
        }
        return new TeamCatalog(teams, prompts);
    }

    private static TeamDefinition readTeam(ClassLoader loader, String subject) {
        String path = "teams/" + subject + ".json";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("team file " + path + " is missing");
            }
            ObjectMapper mapper = Json.mapper();
            TeamDefinition team = mapper.readValue(in, TeamDefinition.class);
            if (!subject.equals(team.subject())) {
                throw new IllegalStateException(path + " declares subject " + team.subject());
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

    public Set<String> subjects() {
        return teams.keySet();
    }

    public TeamDefinition team(String subject) {
        TeamDefinition team = teams.get(subject);
        if (team == null) {
            throw new IllegalArgumentException("no team for subject '" + subject + "'");
        }
        return team;
    }

    public List<TeamDefinition> teams() {
        return List.copyOf(teams.values());
    }

    public PromptLibrary prompts() {
        return prompts;
    }
}
