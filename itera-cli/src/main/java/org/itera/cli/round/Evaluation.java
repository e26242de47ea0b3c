package org.itera.cli.round;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One document of {@code GET /evaluations}: a subject's accuracy in a round. */
record Evaluation(String subject, int round, String status, int n, int correct, double low, double high,
        Map<String, String> models) {

    static Evaluation of(JsonNode doc) {
        Map<String, String> models = new TreeMap<>();
        doc.path("models").fields().forEachRemaining(e -> models.put(e.getKey(), e.getValue().asText()));
        return new Evaluation(doc.path("subject").asText(), doc.path("round").asInt(), doc.path("status").asText(),
                doc.path("n").asInt(0), doc.path("correct").asInt(0), doc.path("ci95").path("low").asDouble(0),
                doc.path("ci95").path("high").asDouble(0), models);
    }

    /** The evaluation of round {@code round} (of {@code subject} when given) in a list, if any. */
    static Optional<Evaluation> find(JsonNode list, int round, Optional<String> subject) {
        for (JsonNode doc : list) {
            Evaluation evaluation = of(doc);
            if (evaluation.round() == round && subject.map(evaluation.subject()::equals).orElse(true)) {
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

    /** e.g. {@code arithmetic round 1: 14/50 = 28.0% (95% CI 17.5-41.7%)}. */
    String line() {
        String text = String.format(Locale.ROOT, "%s round %d: %d/%d = %s (95%% CI %s-%s)", subject, round, correct, n,
                percent(accuracy()), percent(low).replace("%", ""), percent(high));
        return "done".equals(status) ? text : text + " [" + status + "]";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
