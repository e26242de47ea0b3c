package org.itera.core.repair;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.itera.core.team.TeamDefinition;

/**
 * How a team's failed train episodes are repaired: its {@code "repair"} option.
 * <ul>
 *   <li>{@code critique} (the default): a critic who knows the right answer gives the role feedback, the
 *   role regenerates its answer and rephrases it as a direct solution (SiriuS);</li>
 *   <li>{@code rationalize}: the role answers its original request again with the correct answer given
 *   as a hint, no critic and no rephrasing (STaR's rationalization);</li>
 *   <li>{@code none}: failures are only stored, never sent for repair (the library holds first-attempt
 *   successes only).</li>
 * </ul>
 */
public enum RepairMode {
    CRITIQUE, RATIONALIZE, NONE;

    /** The team option that names the mode. */
    public static final String OPTION = "repair";

    /** The team's mode; fails naming the team and the accepted values when the option is not one. */
    public static RepairMode of(TeamDefinition team) {
        Optional<String> problem = problem(team);
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        Object value = team.options().get(OPTION);
        return value == null ? CRITIQUE : valueOf(((String) value).strip().toUpperCase(Locale.ROOT));
    }

    /** Why the team's {@code repair} option is not a mode, if it is not. */
    public static Optional<String> problem(TeamDefinition team) {
        Object value = team.options().get(OPTION);
        if (value == null || value instanceof String text && known(text)) {
            return Optional.empty();
        }
        return Optional.of("team " + team.setting() + "/" + team.subject() + ": option " + OPTION + " is '" + value
                + "', not one of " + Arrays.stream(values()).map(RepairMode::text).toList());
    }

    /** Whether failed episodes of this mode go to the repair loop. */
    public boolean repairs() {
        return this != NONE;
    }

    /** The name teams write. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static boolean known(String text) {
        return Arrays.stream(values()).anyMatch(m -> m.text().equals(text.strip().toLowerCase(Locale.ROOT)));
    }
}
