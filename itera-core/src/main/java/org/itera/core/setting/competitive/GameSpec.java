package org.itera.core.setting.competitive;

import java.util.List;
import java.util.Map;

/**
 * One game's data, from its team file's {@code options} with a task's {@code overrides} applied
 * ({@link GameSpecReader}): which rules, the two roles in seat order, the resources, what each role
 * holds at the start and what each resource is worth to it, the move limit (valid moves in all),
 * who moves first, the roles trained on their wins, how many more tries an invalid reply gets,
 * how replies are written, and how moves are sampled (temperature, token limit).
 */
public record GameSpec(
        String rules,
        List<String> roles,
        List<String> resources,
        Map<String, Map<String, Integer>> holdings,
        Map<String, Map<String, Integer>> values,
        int moves,
        String firstMover,
        List<String> trainable,
        int retries,
        ReplyFormat format,
        double temperature,
        int maxTokens) {

    public GameSpec {
        roles = List.copyOf(roles);
        resources = List.copyOf(resources);
        trainable = List.copyOf(trainable);
    }

    public String other(String role) {
        return role.equals(roles.get(0)) ? roles.get(1) : roles.get(0);
    }

    /** {@code p1} or {@code p2}: the role's seat, as counters name it. */
    public String seatOf(String role) {
        return "p" + (roles.indexOf(role) + 1);
    }

    /** What one unit of the resource is worth to the role. */
    public int value(String role, String resource) {
        return values.getOrDefault(role, Map.of()).getOrDefault(resource, 1);
    }

    /** The whole of a resource in the game (both roles' holdings at the start). */
    public int total(String resource) {
        return holdings.values().stream().mapToInt(h -> h.getOrDefault(resource, 0)).sum();
    }

    /** Amounts in the game's resource order, e.g. {@code 5 X and 2 Y}; {@code nothing} when all are 0. */
    public String describe(Map<String, Integer> amounts, String joiner) {
        List<String> parts = new java.util.ArrayList<>();
        resources.forEach(r -> {
            if (amounts.getOrDefault(r, 0) > 0) {
                parts.add(amounts.get(r) + " " + r);
            }
        });
        return parts.isEmpty() ? "nothing" : String.join(joiner, parts);
    }

    public Holdings startingHoldings() {
        return new Holdings(holdings);
    }
}
