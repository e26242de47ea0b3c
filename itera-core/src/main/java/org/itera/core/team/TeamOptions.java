package org.itera.core.team;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the readers of object-valued team options ({@link TrainingRule}, {@link ShotsRule}) share:
 * the option's fields, the team a {@code from} field names, and errors naming the team and option.
 */
final class TeamOptions {

    private TeamOptions() {
    }

    /** The option's fields; refuses a value that is no object or has a field not in {@code known}. */
    static Map<?, ?> fields(TeamDefinition team, String option, Object value, List<String> known) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw problem(team, option, "must be an object {" + known.stream().map(f -> "\"" + f + "\"")
                    .collect(Collectors.joining(", ")) + "}, not " + value);
        }
        for (Object field : fields.keySet()) {
            if (!known.contains(String.valueOf(field))) {
                throw problem(team, option, "has an unknown field '" + field + "' (known: " + String.join(", ", known)
                        + ")");
            }
        }
        return fields;
    }

    /** The team of the same setting that {@code from} names; the team itself when it is absent. */
    static TeamDefinition from(TeamDefinition team, TeamCatalog catalog, String option, Object from) {
        if (from == null) {
            return team;
        }
        if (!(from instanceof String subject) || subject.isBlank()) {
            throw problem(team, option, "from must be a subject, not " + from);
        }
        return catalog.find(team.setting(), subject).orElseThrow(() -> problem(team, option, "from names '" + subject
                + "', which has no " + team.setting() + " team (known: " + catalog.subjectsOf(team.setting()) + ")"));
    }

    static IllegalStateException problem(TeamDefinition team, String option, String what) {
        return new IllegalStateException("team " + team.setting() + "/" + team.subject() + ": option " + option + " "
                + what);
    }
}
