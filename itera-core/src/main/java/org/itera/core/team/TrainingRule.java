package org.itera.core.team;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;

/**
 * Where a team's fine-tuning examples come from: the team option
 * {@code "training": {"from": "<subject>", "origins": [...], "pool": "per-role" | "all-roles"}}, every
 * field optional. {@code from} names a team of the same setting whose agents' library examples are
 * used (default: this team's own); {@code origins} keeps only examples of those trajectory origins
 * ({@code generated}: first attempts, {@code regenerated}: rescued by a repair; default: both);
 * {@code per-role} trains each role on the source's examples of the same role (the source must have
 * every role of this team), {@code all-roles} trains one model on every role's examples and gives it
 * to every role. A bad value is an {@link IllegalStateException} naming the team and the field.
 */
public record TrainingRule(TeamDefinition team, TeamDefinition source, Set<String> origins, boolean allRoles) {

    public static final String OPTION = "training";
    public static final String PER_ROLE = "per-role";
    public static final String ALL_ROLES = "all-roles";
    public static final Set<String> ORIGINS = Set.of(TrajectoryEvent.ORIGIN_GENERATED, TrajectoryEvent.ORIGIN_REGENERATED);
    private static final List<String> FIELDS = List.of("from", "origins", "pool");

    public TrainingRule {
        origins = Set.copyOf(origins);
    }

    /** The team's rule, read from its options and checked against the catalogue. */
    public static TrainingRule of(TeamDefinition team, TeamCatalog catalog) {
        Object option = team.options().get(OPTION);
        if (option == null) {
            return new TrainingRule(team, team, ORIGINS, false);
        }
        Map<?, ?> fields = TeamOptions.fields(team, OPTION, option, FIELDS);
        TeamDefinition source = TeamOptions.from(team, catalog, OPTION, fields.get("from"));
        boolean allRoles = pool(team, fields.get("pool"));
        if (!allRoles) {
            for (String role : team.roleNames()) {
                if (source.role(role).isEmpty()) {
                    throw problem(team, "from '" + source.subject() + "' lacks role '" + role + "', which per-role"
                            + " training needs (its roles: " + source.roleNames() + "; or use \"pool\": \"all-roles\")");
                }
            }
        }
        return new TrainingRule(team, source, origins(team, fields.get("origins")), allRoles);
    }

    /** Whether this is the default: the team's own examples, every origin, one model per role. */
    public boolean isDefault() {
        return source.equals(team) && origins.equals(ORIGINS) && !allRoles;
    }

    /** The source agents whose examples train the given role of the team (all-roles: every source role). */
    public List<String> sourceAgents(String role) {
        return allRoles ? source.agentIds() : List.of(source.agentId(role));
    }

    /** The key of the team's one pooled trainee (all-roles): {@code [<setting>/]<subject>/all-roles}. */
    public String poolKey() {
        String scope = TaskEvent.SETTING_PROBLEM_SOLVING.equals(team.setting()) ? "" : team.setting() + "/";
        return scope + team.subject() + "/" + ALL_ROLES;
    }

    private static boolean pool(TeamDefinition team, Object pool) {
        if (pool == null || PER_ROLE.equals(pool)) {
            return false;
        }
        if (ALL_ROLES.equals(pool)) {
            return true;
        }
        throw problem(team, "pool must be \"" + PER_ROLE + "\" or \"" + ALL_ROLES + "\", not " + pool);
    }

    private static Set<String> origins(TeamDefinition team, Object origins) {
        if (origins == null) {
            return ORIGINS;
        }
        if (!(origins instanceof List<?> list) || list.isEmpty()) {
            throw problem(team, "origins must be a non-empty list of " + ORIGINS.stream().sorted().toList()
                    + ", not " + origins);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (Object origin : list) {
            if (!ORIGINS.contains(String.valueOf(origin))) {
                throw problem(team, "origins: unknown origin '" + origin + "' (known: generated, regenerated)");
            }
            kept.add(String.valueOf(origin));
        }
        return kept;
    }

    private static IllegalStateException problem(TeamDefinition team, String what) {
        return TeamOptions.problem(team, OPTION, what);
    }
}
