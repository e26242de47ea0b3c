package org.itera.core.team;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One agent of a team, as data: its name, the heading its output carries when later roles see it,
 * its prompt resources, and which other roles' outputs it is shown.
 *
 * <p>{@code steps} holds the user prompts of further steps a role takes in one episode, by step
 * name (the actor-critic actor's {@code regenerate} and {@code rephrase}); a problem-solving
 * role has none.
 */
public record RoleDefinition(String name, String title, String systemPrompt, String userPrompt, List<String> sees,
        Map<String, String> steps) {

    public RoleDefinition {
        sees = sees == null ? List.of() : List.copyOf(sees);
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    /** A role that speaks once per episode. */
    public RoleDefinition(String name, String title, String systemPrompt, String userPrompt, List<String> sees) {
        this(name, title, systemPrompt, userPrompt, sees, null);
    }

    /** The user prompt resource of a further step, if the role declares it. */
    public Optional<String> stepPrompt(String step) {
        return Optional.ofNullable(steps.get(step));
    }
}
