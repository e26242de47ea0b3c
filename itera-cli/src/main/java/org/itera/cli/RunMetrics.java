package org.itera.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The samples of one Prometheus text exposition ({@code /q/metrics}): enough of the format to read
 * Micrometer's counters, e.g. {@code itera_tasks_failed_total{subject="pubmedqa"} 3.0}. Comment
 * lines and lines that cannot be read are skipped.
 */
public final class RunMetrics {

    /** One time series and its value. Labels are sorted by name. */
    public record Sample(String name, Map<String, String> labels, double value) {

        String key() {
            return name + labels;
        }
    }

    public static final RunMetrics EMPTY = new RunMetrics(List.of());

    private final List<Sample> samples;

    private RunMetrics(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static RunMetrics parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Sample sample = parseLine(line.strip());
            if (sample != null) {
                samples.add(sample);
            }
        }
        return new RunMetrics(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sum of every series of the metric {@code name}; 0 when there is none. */
    public double sum(String name) {
        return sum(name, labels -> true);
    }

    public double sum(String name, Predicate<Map<String, String>> labels) {
        double total = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && labels.test(s.labels())) {
                total += s.value();
            }
        }
        return total;
    }

    /**
     * How much the counter {@code name} grew since {@code before}, summed over its series that
     * match {@code labels}. A series that went down was reset (its service restarted), so all of
     * its current value counts.
     */
    public double increaseSince(RunMetrics before, String name, Predicate<Map<String, String>> labels) {
        Map<String, Double> old = new TreeMap<>();
        for (Sample s : before.samples) {
            if (s.name().equals(name)) {
                old.put(s.key(), s.value());
            }
        }
        double total = 0;
        for (Sample s : samples) {
            if (!s.name().equals(name) || !labels.test(s.labels()) || !Double.isFinite(s.value())) {
                continue;
            }
            double previous = old.getOrDefault(s.key(), 0.0);
            total += s.value() >= previous ? s.value() - previous : s.value();
        }
        return total;
    }

    public double increaseSince(RunMetrics before, String name) {
        return increaseSince(before, name, labels -> true);
    }

    /** {@link #increaseSince} grouped by the value of one label (series without it are left out). */
    public Map<String, Double> increaseBy(RunMetrics before, String name, String label) {
        Map<String, Double> byValue = new TreeMap<>();
        for (Sample s : samples) {
            String value = s.labels().get(label);
            if (s.name().equals(name) && value != null && !byValue.containsKey(value)) {
                byValue.put(value, increaseSince(before, name, l -> value.equals(l.get(label))));
            }
        }
        return byValue;
    }

    private static Sample parseLine(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String name;
        Map<String, String> labels;
        String rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int[] end = new int[1];
            labels = parseLabels(line, brace + 1, end);
            if (labels == null) {
                return null;
            }
            rest = line.substring(end[0]).strip();
        } else {
            name = line.substring(0, space);
            labels = Map.of();
            rest = line.substring(space + 1).strip();
        }
        String number = rest.split("\\s+")[0];
        Double value = parseValue(number);
        return value == null || name.isEmpty() ? null : new Sample(name, labels, value);
    }

    /** Reads {@code a="x",b="y"} up to the closing brace; {@code end[0]} is set after it. */
    private static Map<String, String> parseLabels(String line, int from, int[] end) {
        Map<String, String> labels = new TreeMap<>();
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                end[0] = i + 1;
                return Collections.unmodifiableMap(labels);
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                return null;
            }
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            boolean closed = false;
            while (j < line.length()) {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char next = line.charAt(j + 1);
                    value.append(next == 'n' ? '\n' : next);
                    j += 2;
                } else if (v == '"') {
                    closed = true;
                    j++;
                    break;
                } else {
                    value.append(v);
                    j++;
                }
            }
            if (!closed) {
                return null;
            }
            labels.put(key, value.toString());
            i = j;
        }
        return null;
    }

    private static Double parseValue(String text) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }
}
