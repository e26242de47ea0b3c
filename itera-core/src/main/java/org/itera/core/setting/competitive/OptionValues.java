package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of a game's options (JSON values), each problem added to {@code reasons} in words. */
final class OptionValues {

    private final Map<String, Object> options;
    private final List<String> reasons;

    OptionValues(Map<String, Object> options, List<String> reasons) {
        this.options = options;
        this.reasons = reasons;
    }

    String text(String key, String fallback) {
        Object value = options.get(key);
        if (value == null) {
            if (fallback == null) {
                reasons.add("the game's " + key + " is not set");
            }
            return fallback;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        reasons.add(key + " must be a non-empty string, not " + value);
        return fallback;
    }

    List<String> texts(String key) {
        Object value = options.get(key);
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof String text && !text.isBlank() && !texts.contains(text)) {
                    texts.add(text);
                } else {
                    reasons.add(key + " must list distinct non-empty names, not " + item);
                }
            });
        } else if (value != null) {
            reasons.add(key + " must be a list, not " + value);
        }
        return texts;
    }

    int integer(String key, int fallback, int min, int max) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        Integer number = wholeNumber(value);
        if (number == null || number < min || number > max) {
            reasons.add(key + " must be a whole number from " + min + " to " + max + ", not " + value);
            return fallback;
        }
        return number;
    }

    double decimal(String key, double fallback, double min, double max) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() >= min && number.doubleValue() <= max) {
            return number.doubleValue();
        }
        reasons.add(key + " must be a number from " + min + " to " + max + ", not " + value);
        return fallback;
    }

    String oneOf(String key, String fallback, List<String> allowed) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text && allowed.contains(text)) {
            return text;
        }
        reasons.add(key + " must be one of " + allowed + ", not " + value);
        return fallback;
    }

    List<String> subsetOf(String key, List<String> allowed) {
        Object value = options.get(key);
        List<String> chosen = new ArrayList<>();
        if (value == null) {
            return chosen;
        }
        if (!(value instanceof List<?> list)) {
            reasons.add(key + " must be a list of roles (of " + allowed + "), not " + value);
            return chosen;
        }
        for (Object item : list) {
            if (item instanceof String role && allowed.contains(role)) {
                if (!chosen.contains(role)) {
                    chosen.add(role);
                }
            } else {
                reasons.add(key + " names '" + item + "', which is not a role of the game (" + allowed + ")");
            }
        }
        return chosen;
    }

    ReplyFormat format(String key) {
        Object value = options.get(key);
        if (value == null) {
            return ReplyFormat.LINE;
        }
        try {
            return ReplyFormat.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            reasons.add(key + ": " + e.getMessage());
            return ReplyFormat.LINE;
        }
    }

    /** Per role, an amount per resource; every role and resource present unless {@code optional}. */
    Map<String, Map<String, Integer>> amounts(String key, List<String> roles, List<String> resources,
            boolean optional) {
        Map<String, Map<String, Integer>> amounts = new LinkedHashMap<>();
        Object value = options.get(key);
        if (value != null && !(value instanceof Map<?, ?>)) {
            reasons.add(key + " must be an object of role to amounts, not " + value);
            value = null;
        }
        Map<?, ?> perRole = value == null ? Map.of() : (Map<?, ?>) value;
        perRole.keySet().stream().filter(role -> !roles.contains(role)).forEach(role -> reasons.add(
                key + " names '" + role + "', which is not a role of the game (" + roles + ")"));
        for (String role : roles) {
            Object held = perRole.get(role);
            if (held == null && !optional) {
                reasons.add(key + " of " + role + " are not set");
            }
            amounts.put(role, roleAmounts(key + " of " + role, held, resources, optional));
        }
        return amounts;
    }

    private Map<String, Integer> roleAmounts(String what, Object held, List<String> resources, boolean optional) {
        Map<String, Integer> amounts = new LinkedHashMap<>();
        if (held == null) {
            return amounts;
        }
        if (!(held instanceof Map<?, ?> map)) {
            reasons.add(what + " must be an object of resource to amount, not " + held);
            return amounts;
        }
        map.keySet().stream().filter(r -> !resources.contains(r)).forEach(r -> reasons.add(
                what + " name '" + r + "', which is not a resource of the game (" + resources + ")"));
        for (String resource : resources) {
            Object amount = map.get(resource);
            if (amount == null) {
                if (!optional) {
                    amounts.put(resource, 0);
                }
                continue;
            }
            Integer number = wholeNumber(amount);
            if (number == null || number < 0 || number > GameSpecReader.MAX_AMOUNT) {
                reasons.add(what + ": " + resource + " must be a whole number from 0 to " + GameSpecReader.MAX_AMOUNT
                        + ", not " + amount);
            } else {
                amounts.put(resource, number);
            }
        }
        return amounts;
    }

    private static Integer wholeNumber(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return null;
    }
}
