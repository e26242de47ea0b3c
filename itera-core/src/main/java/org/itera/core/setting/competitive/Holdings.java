package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each of a game's two roles holds, resource by resource (mutable; copy before sharing). */
public final class Holdings {

    private final Map<String, Map<String, Integer>> amounts = new LinkedHashMap<>();

    public Holdings(Map<String, Map<String, Integer>> initial) {
        initial.forEach((role, held) -> amounts.put(role, new LinkedHashMap<>(held)));
        if (amounts.size() != 2) {
            throw new IllegalArgumentException("a game has two roles, not " + amounts.keySet());
        }
    }

    public Holdings copy() {
        return new Holdings(amounts);
    }

    public List<String> roles() {
        return List.copyOf(amounts.keySet());
    }

    public String other(String role) {
        return roles().stream().filter(r -> !r.equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no role other than " + role));
    }

    public int of(String role, String resource) {
        return amounts.getOrDefault(role, Map.of()).getOrDefault(resource, 0);
    }

    void add(String role, String resource, int delta) {
        amounts.get(role).merge(resource, delta, Integer::sum);
    }

    /** A role's holdings, resource by resource. */
    public Map<String, Integer> of(String role) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(amounts.get(role)));
    }

    /** As plain maps, for the record. */
    public Map<String, Map<String, Integer>> toMap() {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        amounts.forEach((role, held) -> copy.put(role, new LinkedHashMap<>(held)));
        return copy;
    }
}
