package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itera.core.setting.RateValue;
import org.itera.core.setting.Setting;
import org.itera.core.setting.SettingRegistry;

/**
 * The run summary's block per setting: the counters of this run's first attempts (the difference
 * of the {@code settings} sections of two {@code /library/stats}) by subject and split, and the
 * setting's rates over them, e.g. for actor-critic the judge labels PT, PF, NT, NF, the unparsed
 * verdicts, TP, overall and judge accuracy and the critic's help rate. Empty when the run added
 * no first attempt of any setting.
 */
public final class SettingsSummary {

    private final SettingRegistry settings;

    public SettingsSummary(SettingRegistry settings) {
        this.settings = settings;
    }

    public String render(JsonNode before, JsonNode now) {
        StringBuilder out = new StringBuilder();
        for (String name : settings.names()) {
            Setting setting = settings.get(name);
            List<String> rows = rows(setting, section(before, name), section(now, name));
            if (!rows.isEmpty()) {
                out.append('\n').append("Setting ").append(name).append(" (first attempts of this run)\n");
                rows.forEach(row -> out.append(row).append('\n'));
            }
        }
        return out.toString();
    }

    private static JsonNode section(JsonNode stats, String setting) {
        return stats == null ? null : stats.path("settings").path(setting);
    }

    private static List<String> rows(Setting setting, JsonNode before, JsonNode now) {
        List<String> rows = new ArrayList<>();
        if (now == null || !now.isObject()) {
            return rows;
        }
        now.fields().forEachRemaining(subject -> subject.getValue().fields().forEachRemaining(split -> {
            JsonNode was = before == null ? null : before.path(subject.getKey()).path(split.getKey());
            long n = split.getValue().path("n").asLong() - (was == null ? 0 : was.path("n").asLong());
            if (n > 0) {
                rows.add(row(setting, subject.getKey(), split.getKey(), n, delta(setting, was, split.getValue())));
            }
        }));
        return rows;
    }

    private static Map<String, Long> delta(Setting setting, JsonNode before, JsonNode now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String counter : setting.counters()) {
            long was = before == null ? 0 : before.path("counts").path(counter).asLong();
            counts.put(counter, now.path("counts").path(counter).asLong() - was);
        }
        return counts;
    }

    /** E.g. {@code arithmetic, train, 60 episodes: PT 10, PF 2, ...} and a line of rates. */
    private static String row(Setting setting, String subject, String split, long n, Map<String, Long> counts) {
        StringBuilder line = new StringBuilder("  ").append(subject).append(", ").append(split).append(", ")
                .append(n).append(" episodes: ");
        List<String> parts = new ArrayList<>();
        counts.forEach((counter, value) -> parts.add(counter + " " + value));
        line.append(String.join(", ", parts)).append("\n    ");
        List<String> rates = new ArrayList<>();
        for (RateValue rate : RateValue.of(setting.rates(), counts, n)) {
            rates.add(rate.name() + " " + (rate.value() == null ? "-" : rate.mean()
                    ? String.format(Locale.ROOT, "%.2f", rate.value())
                    : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100 * rate.value(), rate.successes(), rate.trials())));
        }
        return line.append(String.join(", ", rates)).toString();
    }
}
