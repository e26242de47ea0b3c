package org.itera.core.team;

import java.util.List;
import java.util.Optional;

/**
 * A team for one subject: its roles in the order they speak. The last role gives the final answer.
 * Teams are read from {@code teams/<subject>.json}; a new team is a new definition, not new code.
 */
public record TeamDefinition(String subject, String description, List<RoleDefinition> roles) {

    public TeamDefinition {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("team '" + subject + "' has no roles");
        }
        roles = List.copyOf(roles);
    }

    public RoleDefinition finalRole() {
        return roles.get(roles.size() - 1);
    }

    public boolean isFinal(RoleDefinition role) {
        return finalRole().name().equals(role.name());
    }

    public Optional<RoleDefinition> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<String> roleNames() {
        return roles.stream().map(RoleDefinition::name).toList();
    }

    /** The agent id of a role in this team, used to pick and fine-tune its model. */
    public String agentId(String role) {
        return subject + "-" + role;
    }
}
