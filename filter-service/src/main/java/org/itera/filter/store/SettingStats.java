package org.itera.filter.store;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.RateValue;
import org.itera.core.setting.Setting;
import org.itera.core.setting.SettingRegistry;

/**
 * The {@code settings} section of {@code GET /library/stats}: per setting, subject and split, over
 * the generated trajectories (first attempts, not repairs), how many there are, the sums of the
 * setting's counters (for actor-critic the judge labels PT, PF, NT, NF and {@code unparsed}) and
 * its rates (TP, overall and judge accuracy, the critic's help rate, ...).
 */
@ApplicationScoped
public class SettingStats {

    private final TrajectoryStore store;
    private final SettingRegistry settings;

    public SettingStats(TrajectoryStore store, SettingRegistry settings) {
        this.store = store;
        this.settings = settings;
    }

    public Map<String, Object> compute(Bson scope) {
        Map<String, Object> bySetting = new TreeMap<>();
        for (String name : settings.names()) {
            Map<String, Object> subjects = subjects(settings.get(name), scope);
            if (!subjects.isEmpty()) {
                bySetting.put(name, subjects);
            }
        }
        return bySetting;
    }

    private Map<String, Object> subjects(Setting setting, Bson scope) {
        List<BsonField> sums = new ArrayList<>(List.of(Accumulators.sum("n", 1)));
        setting.counters().forEach(c -> sums.add(Accumulators.sum(c, "$counters." + c)));
        Document key = new Document("subject", "$subject").append("split", "$split");
        List<Document> groups = store.trajectories().aggregate(List.of(
                Aggregates.match(Scope.and(scope, Filters.eq("setting", setting.name()),
                        Filters.eq("origin", TrajectoryEvent.ORIGIN_GENERATED), Filters.exists("counters"))),
                Aggregates.group(key, sums))).into(new ArrayList<>());
        Map<String, Object> subjects = new TreeMap<>();
        for (Document group : groups) {
            Document id = group.get("_id", Document.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> splits = (Map<String, Object>) subjects.computeIfAbsent(
                    String.valueOf(id.get("subject")), k -> new TreeMap<>());
            splits.put(String.valueOf(id.get("split")), summary(setting, group));
        }
        return subjects;
    }

    private static Map<String, Object> summary(Setting setting, Document group) {
        long n = group.get("n", Number.class).longValue();
        Map<String, Long> counts = new LinkedHashMap<>();
        setting.counters().forEach(c -> counts.put(c, group.get(c, Number.class) == null ? 0
                : group.get(c, Number.class).longValue()));
        Map<String, Object> rates = new LinkedHashMap<>();
        RateValue.of(setting.rates(), counts, n).forEach(rate -> rates.put(rate.name(), rate.value()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", n);
        summary.put("counts", counts);
        summary.put("rates", rates);
        return summary;
    }
}
