package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the services reported at one moment: the filter's {@code /library/stats} JSON and the
 * Prometheus metrics of the generator, the filter and the feedback-service. A part that could not
 * be read is {@code null} (metrics) or a missing node (stats): counts read from it are 0.
 */
public record RunSnapshot(JsonNode stats, RunMetrics generatorMetrics, RunMetrics filterMetrics,
        RunMetrics feedbackMetrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunSnapshot {
        stats = stats == null ? MissingNode.getInstance() : stats;
    }

    /** Without the feedback-service's metrics. */
    public RunSnapshot(JsonNode stats, RunMetrics generatorMetrics, RunMetrics filterMetrics) {
        this(stats, generatorMetrics, filterMetrics, null);
    }

    public static RunSnapshot empty() {
        return new RunSnapshot(null, null, null, null);
    }

    /** Parses the stats JSON; throws when it is not JSON at all. */
    public static JsonNode parseStats(String json) throws IOException {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        return JSON.readTree(json);
    }

    public boolean hasStats() {
        return stats.isObject();
    }

    public RunSnapshot withStats(JsonNode newStats) {
        return new RunSnapshot(newStats, generatorMetrics, filterMetrics, feedbackMetrics);
    }

    public RunSnapshot withGeneratorMetrics(RunMetrics metrics) {
        return new RunSnapshot(stats, metrics, filterMetrics, feedbackMetrics);
    }

    public RunSnapshot withFilterMetrics(RunMetrics metrics) {
        return new RunSnapshot(stats, generatorMetrics, metrics, feedbackMetrics);
    }

    public RunSnapshot withFeedbackMetrics(RunMetrics metrics) {
        return new RunSnapshot(stats, generatorMetrics, filterMetrics, metrics);
    }

    /** The number at {@code path} in the stats, e.g. {@code ("trajectories", "total")}; 0 if absent. */
    public long count(String... path) {
        JsonNode node = at(path);
        return node.isNumber() ? node.asLong() : 0;
    }

    /** Whether the stats have anything at {@code path}. */
    public boolean has(String... path) {
        return !at(path).isMissingNode();
    }

    /** The numbers of an object at {@code path}, by key; empty if absent. */
    public Map<String, Long> counts(String... path) {
        Map<String, Long> counts = new TreeMap<>();
        JsonNode node = at(path);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                counts.put(field.getKey(), field.getValue().asLong());
            }
        }
        return counts;
    }

    /** The keys of an object at {@code path}; empty if absent. */
    public Iterable<String> keys(String... path) {
        List<String> keys = new ArrayList<>();
        at(path).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private JsonNode at(String... path) {
        JsonNode node = stats;
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }
}
