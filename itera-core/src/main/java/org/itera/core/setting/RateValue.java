package org.itera.core.setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Rate} worked out over a set of episodes: successes of trials (for a mean: the sum over
 * the episodes), and their ratio (null without trials).
 */
public record RateValue(String name, long successes, long trials, boolean mean) {

    /** A proportion. */
    public RateValue(String name, long successes, long trials) {
        this(name, successes, trials, false);
    }

    public Double value() {
        return trials == 0 ? null : (double) successes / trials;
    }

    /** Each rate of a setting over episodes whose counters add up to {@code sums}. */
    public static List<RateValue> of(List<Rate> rates, Map<String, Long> sums, long episodes) {
        return rates.stream()
                .map(r -> new RateValue(r.name(), r.successes(sums), r.trials(sums, episodes), r.mean())).toList();
    }

    /** As a JSON-friendly map: {@code successes}, {@code trials}, {@code value}, and {@code kind: mean} for a mean. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("successes", successes);
        map.put("trials", trials);
        map.put("value", value());
        if (mean) {
            map.put("kind", "mean");
        }
        return map;
    }
}
