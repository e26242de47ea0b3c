package org.itera.finetune.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.itera.core.setting.Rate;
import org.itera.core.setting.RateValue;
import org.itera.core.setting.Setting;
import org.itera.core.setting.Wilson;

/**
 * The result part of an evaluation document, from its graded trajectories: {@code n},
 * {@code correct} and {@code accuracy} (final answers right; for a game, won by the evaluated role)
 * with the 95% Wilson interval {@code ci95}; each rate of the setting ({@code rates}: TP accuracy,
 * judge accuracy, ... for actor-critic; win and deal rates, mean payoffs, ... for the games), each
 * with its interval (Wilson for a proportion, normal for a mean); and {@code outcomes}, each task's
 * final correctness, for a paired comparison of two rounds.
 */
final class EvaluationScore {

    private EvaluationScore() {
    }

    static Document of(Setting setting, List<Document> graded) {
        int n = graded.size();
        int correct = (int) graded.stream().filter(d -> Boolean.TRUE.equals(d.getBoolean("correct"))).count();
        Wilson ci = Wilson.of(correct, n);
        return new Document("n", n).append("correct", correct)
                .append("accuracy", n == 0 ? null : (double) correct / n)
                .append("ci95", interval(ci.low(), ci.high()))
                .append("rates", rates(setting, graded))
                .append("outcomes", outcomes(graded));
    }

    private static Document rates(Setting setting, List<Document> graded) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Document doc : graded) {
            setting.counters().forEach(c -> sums.merge(c, counter(doc, c), Long::sum));
        }
        Map<String, Rate> byName = new LinkedHashMap<>();
        setting.rates().forEach(r -> byName.put(r.name(), r));
        Document rates = new Document();
        for (RateValue rate : RateValue.of(setting.rates(), sums, graded.size())) {
            Document interval = rate.mean() ? meanInterval(byName.get(rate.name()).numerator(), graded)
                    : wilson(rate);
            rates.append(rate.name(), new Document(rate.toMap()).append("ci95", interval));
        }
        return rates;
    }

    private static Document wilson(RateValue rate) {
        Wilson ci = Wilson.of((int) rate.successes(), (int) rate.trials());
        return interval(ci.low(), ci.high());
    }

    /** mean ± 1.96 standard errors over the episodes' values of the counter (the mean itself with one episode). */
    private static Document meanInterval(String counter, List<Document> graded) {
        int n = graded.size();
        if (n == 0) {
            return interval(0, 0);
        }
        double mean = graded.stream().mapToLong(d -> counter(d, counter)).average().orElse(0);
        double squares = graded.stream().mapToDouble(d -> Math.pow(counter(d, counter) - mean, 2)).sum();
        double halfWidth = n < 2 ? 0 : 1.96 * Math.sqrt(squares / (n - 1) / n);
        return interval(mean - halfWidth, mean + halfWidth);
    }

    private static List<Document> outcomes(List<Document> graded) {
        List<Document> outcomes = new ArrayList<>();
        graded.forEach(d -> outcomes.add(new Document("taskId", d.getString("taskId"))
                .append("correct", Boolean.TRUE.equals(d.getBoolean("correct")))));
        return outcomes;
    }

    private static Document interval(double low, double high) {
        return new Document("low", low).append("high", high);
    }

    private static long counter(Document doc, String name) {
        Document counters = doc.get("counters", Document.class);
        return counters != null && counters.get(name) instanceof Number number ? number.longValue() : 0;
    }
}
