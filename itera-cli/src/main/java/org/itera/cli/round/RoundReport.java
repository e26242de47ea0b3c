package org.itera.cli.round;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.setting.Setting;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamCatalog;

/**
 * {@code round-driver report}: accuracy before and after, per subject of one setting, with the 95%
 * intervals, the setting's other rates (TP accuracy, ...) and the task-by-task comparison.
 */
final class RoundReport {

    private final JsonNode evaluations;
    private final Optional<String> subject;
    private final String setting;

    RoundReport(JsonNode evaluations, Optional<String> subject, String setting) {
        this.evaluations = evaluations;
        this.subject = subject;
        this.setting = setting;
    }

    int print(int before, int after, PrintStream out) {
        Set<String> subjects = new LinkedHashSet<>();
        for (JsonNode doc : evaluations) {
            String name = doc.path("subject").asText();
            if (subject.map(name::equals).orElse(true)) {
                subjects.add(name);
            }
        }
        int printed = 0;
        for (String name : subjects) {
            Optional<Evaluation> first = Evaluation.find(evaluations, before, Optional.of(name), setting);
            Optional<Evaluation> second = Evaluation.find(evaluations, after, Optional.of(name), setting);
            if (first.isPresent() && second.isPresent()) {
                out.print(compare(first.get(), second.get(), successName()));
                printed++;
            }
        }
        if (printed == 0) {
            throw new RoundFailure("no subject has evaluations of both round " + before + " and round " + after);
        }
        return RoundDriver.OK;
    }

    /** The setting's name for a success ({@code Accuracy} unless the setting says otherwise). */
    private String successName() {
        return SettingRegistry.standard(TeamCatalog.standard()).find(setting).map(Setting::successName)
                .orElse("Accuracy");
    }

    static String compare(Evaluation before, Evaluation after, String successName) {
        StringBuilder text = new StringBuilder();
        String scope = TaskEvent.SETTING_PROBLEM_SOLVING.equals(before.setting()) ? "" : " (" + before.setting() + ")";
        text.append(successName).append(" on the test split, ").append(before.subject()).append(scope).append(":\n");
        text.append("  before (round ").append(before.round()).append("): ").append(tail(before)).append('\n');
        text.append("  after  (round ").append(after.round()).append("): ").append(tail(after)).append('\n');
        double points = 100 * (after.accuracy() - before.accuracy());
        text.append(String.format(Locale.ROOT, "  change: %+.1f points; %s%n", points, verdict(before, after)));
        rates(text, before, after);
        if (!before.outcomes().isEmpty() && !after.outcomes().isEmpty()) {
            text.append("  ").append(PairedComparison.of(before.outcomes(), after.outcomes()).line()).append('\n');
        }
        after.models().forEach((agent, model) -> text.append("  ").append(agent).append(": ")
                .append(model).append('\n'));
        return text.toString();
    }

    /** The setting's other rates, before and after. */
    private static void rates(StringBuilder text, Evaluation before, Evaluation after) {
        before.rates().fields().forEachRemaining(rate -> text.append("  ").append(rate.getKey()).append(": ")
                .append(Evaluation.rateText(rate.getValue())).append(" -> ")
                .append(Evaluation.rateText(after.rates().path(rate.getKey()))).append('\n'));
    }

    private static String tail(Evaluation evaluation) {
        String line = evaluation.line();
        return line.substring(line.indexOf(": ") + 2);
    }

    /** Whether the 95% intervals overlap: a rough but honest reading for a person. */
    static String verdict(Evaluation before, Evaluation after) {
        if (after.low() > before.high()) {
            return "better beyond both 95% intervals";
        }
        if (after.high() < before.low()) {
            return "worse beyond both 95% intervals";
        }
        return "the 95% intervals overlap: no clear difference at this n";
    }
}
