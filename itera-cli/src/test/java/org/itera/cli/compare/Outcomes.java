package org.itera.cli.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test outcomes written as a pattern: the i-th character is task {@code t<i>}, {@code 1} right, {@code 0} wrong. */
final class Outcomes {

    private Outcomes() {
    }

    static Map<String, Boolean> of(String pattern) {
        return from(0, pattern);
    }

    /** The pattern's tasks numbered from {@code first}. */
    static Map<String, Boolean> from(int first, String pattern) {
        Map<String, Boolean> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length(); i++) {
            outcomes.put("t" + (first + i), pattern.charAt(i) == '1');
        }
        return outcomes;
    }

    /** {@code right} tasks right, then {@code n - right} wrong. */
    static MethodResult result(String method, int right, int n) {
        return new MethodResult(method, method, of("1".repeat(right) + "0".repeat(n - right)));
    }

    /** single 22/40 (t0-t21 right) */
    static MethodResult single() {
        return new MethodResult("single", "one agent", of("1".repeat(22) + "0".repeat(18)));
    }

    /** sirius 29/40: 20 of single's 22 right and 9 more, so right only here 9, only single 2 (p = 0.0654). */
    static MethodResult sirius() {
        return new MethodResult("sirius", "SiriuS", of("1".repeat(20) + "00" + "1".repeat(9) + "0".repeat(9)));
    }
}
