package org.itera.core.team;

import java.util.List;
import java.util.Map;

/**
 * library-shots as a team option: {@code "libraryShots": {"k": 3, "from": "<subject>"}}. Every call
 * of an agent of the team gets the {@code k} (a whole number, at least 1) most similar successful
 * library entries of its <em>source</em> agent as demonstrations: the agent of the same role in the
 * team {@code from} names (a team of the same setting having every role of this team; default:
 * this team, so each agent its own entries). Without the option the team has no shots
 * ({@link #off()}). A bad value is an {@link IllegalStateException} naming the team and the field.
 */
public record ShotsRule(TeamDefinition team, TeamDefinition source, int k) {

    public static final String OPTION = "libraryShots";
    private static final List<String> FIELDS = List.of("k", "from");

    /** One agent's shots: its k and the agent whose library entries it is shown. */
    public record Shots(String agent, String sourceAgent, int k) {
    }

    /** The team's rule, read from its options and checked against the catalogue. */
    public static ShotsRule of(TeamDefinition team, TeamCatalog catalog) {
        Object option = team.options().get(OPTION);
        if (option == null) {
            return new ShotsRule(team, team, 0);
        }
        Map<?, ?> fields = TeamOptions.fields(team, OPTION, option, FIELDS);
        TeamDefinition source = TeamOptions.from(team, catalog, OPTION, fields.get("from"));
        for (String role : team.roleNames()) {
            if (source.role(role).isEmpty()) {
                throw problem(team, "from '" + source.subject() + "' lacks role '" + role + "', whose entries this"
                        + " team's " + role + " would be shown (its roles: " + source.roleNames() + ")");
            }
        }
        return new ShotsRule(team, source, k(team, fields.get("k")));
    }

    /** Whether the team has no library-shots (it has no option). */
    public boolean off() {
        return k == 0;
    }

    /** Each agent of the team with its shots, in speaking order (none when {@link #off()}). */
    public List<Shots> agents() {
        if (off()) {
            return List.of();
        }
        return team.roleNames().stream().map(role -> new Shots(team.agentId(role), source.agentId(role), k)).toList();
    }

    private static int k(TeamDefinition team, Object k) {
        if (k instanceof Number number && number.doubleValue() == number.intValue() && number.intValue() >= 1) {
            return number.intValue();
        }
        throw problem(team, "k must be a whole number of at least 1, not " + k);
    }

    private static IllegalStateException problem(TeamDefinition team, String what) {
        return TeamOptions.problem(team, OPTION, what);
    }
}
