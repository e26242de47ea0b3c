package org.itera.finetune.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.itera.core.setting.RateValue;
import org.itera.core.setting.Setting;

/**
 * The result part of an evaluation document, from its graded trajectories: {@code n},
 * {@code correct} and {@code accuracy} (final answers right) with the 95% Wilson interval
 * {@code ci95}; each rate of the setting ({@code rates}: TP accuracy, judge accuracy, ... for
 * actor-critic), each with its interval; and {@code outcomes}, each task's final correctness, for
 * a paired comparison of two rounds.
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
                .append("ci95", interval(ci))
                .append("rates", rates(setting, graded))
                .append("outcomes", outcomes(graded));
    }

    private static Document rates(Setting setting, List<Document> graded) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Document doc : graded) {
            Document counters = doc.get("counters", Document.class);
            if (counters != null) {
                setting.counters().forEach(c -> sums.merge(c, number(counters.get(c)), Long::sum));
            }
        }
        Document rates = new Document();
        for (RateValue rate : RateValue.of(setting.rates(), sums, graded.size())) {
            rates.append(rate.name(), new Document(rate.toMap())
                    .append("ci95", interval(Wilson.of((int) rate.successes(), (int) rate.trials()))));
        }
        return rates;
    }

    private static List<Document> outcomes(List<Document> graded) {
        List<Document> outcomes = new ArrayList<>();
        graded.forEach(d -> outcomes.add(new Document("taskId", d.getString("taskId"))
                .append("correct", Boolean.TRUE.equals(d.getBoolean("correct")))));
        return outcomes;
    }

    private static Document interval(Wilson ci) {
        return new Document("low", ci.low()).append("high", ci.high());
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
