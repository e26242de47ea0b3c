package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a proposal would move if accepted: per role, the amount of each resource that role gives to
 * the other. Amounts are non-negative; a resource a role does not give is absent.
 */
public record Trade(Map<String, Map<String, Integer>> gives) {

    public Trade {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        gives.forEach((role, amounts) -> copy.put(role, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(amounts))));
        gives = java.util.Collections.unmodifiableMap(copy);
    }

    /** A trade in which {@code from} gives {@code amounts} and {@code to} gives {@code back}. */
    public static Trade between(String from, Map<String, Integer> amounts, String to, Map<String, Integer> back) {
        Map<String, Map<String, Integer>> gives = new LinkedHashMap<>();
        gives.put(from, amounts);
        gives.put(to, back);
        return new Trade(gives);
    }

    /** What a role gives (empty when nothing). */
    public Map<String, Integer> givenBy(String role) {
        return gives.getOrDefault(role, Map.of());
    }

    /** Whether nothing at all would change hands. */
    public boolean isEmpty() {
        return gives.values().stream().flatMap(m -> m.values().stream()).allMatch(a -> a == 0);
    }

    /** The holdings after the trade: each role loses what it gives and gains what the other gives. */
    public Holdings applyTo(Holdings holdings) {
        Holdings after = holdings.copy();
        for (String role : holdings.roles()) {
            String other = holdings.other(role);
            givenBy(role).forEach((resource, amount) -> {
                after.add(role, resource, -amount);
                after.add(other, resource, amount);
            });
        }
        return after;
    }

    /** Each amount {@code role} would give beyond what it holds, in words; empty when it can give all. */
    public List<String> shortfalls(String role, Holdings holdings) {
        List<String> missing = new ArrayList<>();
        givenBy(role).forEach((resource, amount) -> {
            int held = holdings.of(role, resource);
            if (amount > held) {
                missing.add(amount + " " + resource + " (you hold " + held + ")");
            }
        });
        return missing;
    }
}
