package org.itera.cli.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itera.core.event.TaskEvent;

/**
 * One document of {@code GET /evaluations}: a subject's accuracy in a round, in a setting, with the
 * setting's rates ({@code rates}: each with {@code successes}, {@code trials}, {@code value},
 * {@code ci95}), each task's final correctness ({@code outcomes}) and the tasks that failed to run
 * ({@code failed}: dead-lettered, never graded, not in n).
 */
record Evaluation(String setting, String subject, int round, String status, int n, int correct, double low,
        double high, Map<String, String> models, JsonNode rates, Map<String, Boolean> outcomes, int failed) {

    static Evaluation of(JsonNode doc) {
        Map<String, String> models = new TreeMap<>();
        doc.path("models").fields().forEachRemaining(e -> models.put(e.getKey(), e.getValue().asText()));
        Map<String, Boolean> outcomes = new LinkedHashMap<>();
        doc.path("outcomes").forEach(o -> outcomes.put(o.path("taskId").asText(), o.path("correct").asBoolean()));
        String setting = doc.path("setting").asText(TaskEvent.SETTING_PROBLEM_SOLVING);
        return new Evaluation(setting.isBlank() ? TaskEvent.SETTING_PROBLEM_SOLVING : setting,
                doc.path("subject").asText(), doc.path("round").asInt(), doc.path("status").asText(),
                doc.path("n").asInt(0), doc.path("correct").asInt(0), doc.path("ci95").path("low").asDouble(0),
                doc.path("ci95").path("high").asDouble(0), models,
                doc.has("rates") ? doc.get("rates") : MissingNode.getInstance(), outcomes, doc.path("failed").asInt(0));
    }

    /** The evaluation of round {@code round} (of {@code subject} when given) in a setting, if any. */
    static Optional<Evaluation> find(JsonNode list, int round, Optional<String> subject, String setting) {
        for (JsonNode doc : list) {
            Evaluation evaluation = of(doc);
            if (evaluation.round() == round && evaluation.setting().equals(setting)
                    && subject.map(evaluation.subject()::equals).orElse(true)) {
                return Optional.of(evaluation);
            }
        }
        return Optional.empty();
    }

    boolean running() {
        return "running".equals(status);
    }

    double accuracy() {
        return n == 0 ? 0 : (double) correct / n;
    }

    /** e.g. {@code arithmetic round 1: 14/50 = 28.0% (95% CI 17.5-41.7%)}, the setting first unless problem solving. */
    String line() {
        String scope = TaskEvent.SETTING_PROBLEM_SOLVING.equals(setting) ? "" : setting + " ";
        String text = String.format(Locale.ROOT, "%s%s round %d: %d/%d = %s (95%% CI %s-%s)", scope, subject, round,
                correct, n, percent(accuracy()), percent(low).replace("%", ""), percent(high));
        String failures = failed == 0 ? "" : "; " + failed + " more failed to run and are not counted (itera dlq lists them)";
        return ("done".equals(status) ? text : text + " [" + status + "]") + failures;
    }

    /** One line per rate of the setting, e.g. {@code   tpAccuracy: 9/40 = 22.5% (95% CI 12.3-37.5%)}. */
    List<String> rateLines() {
        List<String> lines = new ArrayList<>();
        rates.fields().forEachRemaining(rate -> lines.add("  " + rate.getKey() + ": " + rateText(rate.getValue())));
        return lines;
    }

    static String rateText(JsonNode rate) {
        if ("mean".equals(rate.path("kind").asText()) && rate.path("value").isNumber()) {
            return String.format(Locale.ROOT, "mean %.2f over %d (95%% CI %.2f to %.2f)", rate.path("value").asDouble(),
                    rate.path("trials").asLong(), rate.path("ci95").path("low").asDouble(),
                    rate.path("ci95").path("high").asDouble());
        }
        if (rate.path("value").isNull() || rate.path("value").isMissingNode()) {
            return rate.path("successes").asLong() + "/" + rate.path("trials").asLong() + " (no trials)";
        }
        return String.format(Locale.ROOT, "%d/%d = %s (95%% CI %s-%s)", rate.path("successes").asLong(),
                rate.path("trials").asLong(), percent(rate.path("value").asDouble()),
                percent(rate.path("ci95").path("low").asDouble()).replace("%", ""),
                percent(rate.path("ci95").path("high").asDouble()));
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
