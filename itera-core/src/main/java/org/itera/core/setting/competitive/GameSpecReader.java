package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.team.TeamDefinition;

/**
 * Reads a {@link GameSpec} from a game team's {@code options}, with a task's {@code overrides} on
 * top, and says everything that is wrong with it: an unknown or unchangeable override, a role or
 * resource the game does not have, a negative or non-integer amount, a move limit out of range, a
 * first mover or trainable role that is not one of the game's, and the rules' own checks.
 */
public final class GameSpecReader {

    /** What a task may override; the rest (rules, resources, prompts) is the game's. */
    public static final Set<String> OVERRIDABLE = Set.of("holdings", "values", "moves", "firstMover", "trainable",
            "retries", "format", "temperature", "maxTokens");
    static final int MAX_MOVES = 40;
    static final int MAX_RETRIES = 5;
    static final int MAX_AMOUNT = 1_000_000;

    private GameSpecReader() {
    }

    /** The spec, or every reason it cannot be read (added to {@code reasons}; then null). */
    public static GameSpec read(TeamDefinition team, Map<String, Object> overrides, List<String> reasons) {
        int before = reasons.size();
        Map<String, Object> options = merged(team.options(), overrides, reasons);
        List<String> roles = team.roleNames();
        if (roles.size() != 2) {
            reasons.add("a game has two roles, team " + team.subject() + " has " + roles);
            return null;
        }
        OptionValues values = new OptionValues(options, reasons);
        String rulesName = values.text("rules", null);
        GameRules rules = rulesName == null ? null : GameRules.find(rulesName).orElse(null);
        if (rulesName != null && rules == null) {
            reasons.add("unknown game rules '" + rulesName + "' (one of " + GameRules.names() + ")");
        }
        List<String> resources = values.texts("resources");
        if (resources.isEmpty()) {
            reasons.add("the game names no resources");
        }
        GameSpec spec = new GameSpec(rulesName, roles, resources,
                values.amounts("holdings", roles, resources, false),
                values.amounts("values", roles, resources, true),
                values.integer("moves", 8, 1, MAX_MOVES),
                values.oneOf("firstMover", roles.get(0), roles),
                values.subsetOf("trainable", roles),
                values.integer("retries", 1, 0, MAX_RETRIES),
                values.format("format"),
                values.decimal("temperature", 0.7, 0, 2),
                values.integer("maxTokens", 128, 16, 4096));
        if (rules != null && reasons.size() == before) {
            reasons.addAll(rules.specProblems(spec));
        }
        return reasons.size() == before ? spec : null;
    }

    private static Map<String, Object> merged(Map<String, Object> options, Map<String, Object> overrides,
            List<String> reasons) {
        Map<String, Object> merged = new LinkedHashMap<>(options);
        if (overrides == null) {
            return merged;
        }
        List<String> unknown = new ArrayList<>();
        overrides.forEach((key, value) -> {
            if (!OVERRIDABLE.contains(key)) {
                unknown.add(key);
            } else if (value instanceof Map<?, ?> perRole && merged.get(key) instanceof Map<?, ?> base) {
                Map<Object, Object> roleByRole = new LinkedHashMap<>(base);
                roleByRole.putAll(perRole); // a role the override names gets its whole map replaced
                merged.put(key, roleByRole);
            } else {
                merged.put(key, value);
            }
        });
        if (!unknown.isEmpty()) {
            reasons.add("unknown override" + (unknown.size() > 1 ? "s " : " ") + unknown + " (a game task may override "
                    + new java.util.TreeSet<>(OVERRIDABLE) + ")");
        }
        return merged;
    }
}
