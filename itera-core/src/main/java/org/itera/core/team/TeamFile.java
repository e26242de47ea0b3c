package org.itera.core.team;

import java.util.List;
import java.util.Map;

/**
 * A team file as written: a team of its own, or a variant that names the team it is
 * {@code basedOn} (same setting) and gives only what differs. A variant's roles, description,
 * answer format and options come from its base unless it gives them; options are merged, the
 * variant's winning. {@link TeamVariants} resolves a file into a {@link TeamDefinition}.
 */
public record TeamFile(String setting, String subject, String basedOn, String description, String answerFormat,
        Map<String, Object> options, List<RoleDefinition> roles) {

    /** Whether this file inherits from another team. */
    public boolean isVariant() {
        return basedOn != null && !basedOn.isBlank();
    }

    /** A team of its own, as a file. */
    public static TeamFile of(TeamDefinition team) {
        return new TeamFile(team.setting(), team.subject(), null, team.description(), team.answerFormat(),
                team.options(), team.roles());
    }
}
