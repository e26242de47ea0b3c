package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a proposal's terms: one amount ({@code 40}, {@code $40}, {@code 40 dollars}) or a bundle
 * of resources ({@code 5 X, 2 Y}, {@code 5 X and 2 Y}, {@code X: 5}). Amounts are whole and
 * non-negative; each problem is an error in words for the player.
 */
final class Terms {

    private static final Pattern AMOUNT = Pattern.compile(
            "^\\$?\\s*(-?\\d{1,3}(?:,\\d{3})+|-?\\d+(?:\\.\\d+)?)\\s*(?:\\$|dollars?|usd|zup|coins?)?\\s*[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_FIRST = Pattern.compile("^(-?\\d+(?:[.,]\\d+)?)\\s*(?:units?\\s+of\\s+|x\\s+)?(\\p{L}[\\w-]*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_FIRST = Pattern.compile("^(\\p{L}[\\w-]*)\\s*[:=]?\\s*(-?\\d+(?:[.,]\\d+)?)$",
            Pattern.CASE_INSENSITIVE);

    private Terms() {
    }

    /** One amount, e.g. the dollars of an offer. */
    static int amount(String terms, String example) {
        String text = terms.strip();
        if (text.isEmpty()) {
            throw new MoveException("the proposal has no amount; write it as " + example);
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new MoveException("cannot read an amount in '" + text + "'; write a whole number, as in " + example);
        }
        return whole(m.group(1));
    }

    /** A bundle of the game's resources, e.g. {@code 5 X, 2 Y}; resource names ignore case. */
    static Map<String, Integer> bundle(String terms, List<String> resources, String example) {
        Map<String, Integer> bundle = new LinkedHashMap<>();
        String text = terms.strip().replaceAll("[.!]$", "");
        if (text.isEmpty() || text.equalsIgnoreCase("nothing")) {
            return bundle;
        }
        for (String part : text.split("\\s*(?:,|;|\\+|\\band\\b|&)\\s*")) {
            if (part.isBlank()) {
                continue;
            }
            String[] item = item(part.strip(), example);
            String resource = resources.stream().filter(r -> r.equalsIgnoreCase(item[0])).findFirst()
                    .orElseThrow(() -> new MoveException("'" + item[0] + "' is not a resource of this game (" + resources + ")"));
            if (bundle.containsKey(resource)) {
                throw new MoveException(resource + " is named twice in '" + text + "'");
            }
            bundle.put(resource, whole(item[1]));
        }
        return bundle;
    }

    private static String[] item(String part, String example) {
        Matcher numberFirst = NUMBER_FIRST.matcher(part);
        if (numberFirst.matches()) {
            return new String[] {numberFirst.group(2), numberFirst.group(1)};
        }
        Matcher nameFirst = NAME_FIRST.matcher(part);
        if (nameFirst.matches()) {
            return new String[] {nameFirst.group(1), nameFirst.group(2)};
        }
        throw new MoveException("cannot read '" + part + "' as an amount of a resource; write it as in " + example);
    }

    private static int whole(String number) {
        String text = number.matches("-?\\d{1,3}(,\\d{3})+") ? number.replace(",", "") : number.replace(',', '.');
        if (text.startsWith("-")) {
            throw new MoveException("amounts cannot be negative (" + number + ")");
        }
        int dot = text.indexOf('.');
        if (dot >= 0 && !text.substring(dot + 1).chars().allMatch(c -> c == '0')) {
            throw new MoveException("amounts are whole numbers, not " + number);
        }
        String digits = dot >= 0 ? text.substring(0, dot) : text;
        if (digits.length() > 7) {
            throw new MoveException("the amount " + number + " is far too large");
        }
        return Integer.parseInt(digits);
    }
}
