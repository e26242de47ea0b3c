package org.itera.core.repair;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;

/**
 * Which role a failed trajectory's next repair works on, and how many repairs a task gets.
 *
 * <p>Repair {@code n} (1-based) takes the n-th candidate role, cycling when there are fewer
 * candidates than repairs. By default the candidates are the team's non-final roles in speaking
 * order, as in SiriuS; a team with a single role repairs that role.
 */
public final class RepairPolicy {

    /** Which roles may be repaired, in which order. */
    public enum Order {
        NON_FINAL_IN_ORDER, ALL_IN_ORDER, FINAL_ONLY;

        public static Order parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final Order order;
    private final int maxRepairs;

    /** Every repair the caller asks for (the budget is decided elsewhere: filter-service routes a failure only while its task has one). */
    public static RepairPolicy unbounded(Order order) {
        return new RepairPolicy(order, Integer.MAX_VALUE);
    }

    public RepairPolicy(Order order, int maxRepairs) {
        if (maxRepairs < 0) {
            throw new IllegalArgumentException("the repair budget must not be negative");
        }
        this.order = order;
        this.maxRepairs = maxRepairs;
    }

    public int maxRepairs() {
        return maxRepairs;
    }

    /** Whether a failed trajectory of this attempt (0 = generated) may still be repaired. */
    public boolean hasBudgetAfter(int attempt) {
        return attempt < maxRepairs;
    }

    /** Whether the budget has a repair number {@code repair} (1-based). */
    public boolean allows(int repair) {
        return repair >= 1 && repair <= maxRepairs;
    }

    /** The role that repair number {@code repair} (1-based) works on. */
    public Optional<RoleDefinition> roleFor(TeamDefinition team, int repair) {
        if (!allows(repair)) {
            return Optional.empty();
        }
        List<RoleDefinition> candidates = candidates(team);
        return Optional.of(candidates.get((repair - 1) % candidates.size()));
    }

    private List<RoleDefinition> candidates(TeamDefinition team) {
        List<RoleDefinition> roles = team.roles();
        return switch (order) {
            case ALL_IN_ORDER -> roles;
            case FINAL_ONLY -> List.of(team.finalRole());
            case NON_FINAL_IN_ORDER -> roles.size() == 1 ? roles : roles.subList(0, roles.size() - 1);
        };
    }
}
