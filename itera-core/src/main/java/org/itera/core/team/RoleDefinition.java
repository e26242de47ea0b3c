package org.itera.core.team;

import java.util.List;

/**
 * One agent of a team, as data: its name, the heading its output carries when later roles see it,
 * its prompt resources, and which earlier roles' outputs it is shown.
 */
public record RoleDefinition(String name, String title, String systemPrompt, String userPrompt, List<String> sees) {

    public RoleDefinition {
        sees = sees == null ? List.of() : List.copyOf(sees);
    }
}
