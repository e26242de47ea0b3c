package org.itera.finetune.training;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TrainingRule;

/**
 * The trainees of every team, from each team's {@link TrainingRule} (the {@code training} option):
 * by default one per agent on its own examples; {@code per-role} with {@code from}, one per agent on
 * the source team's examples of its role; {@code all-roles}, one for the whole team. An agent no
 * team names (examples of a team since removed) is trained on its own examples, as before. The
 * trainees of a team trained from another team's library are {@link Trainee#onlyWhenNamed}. Read at
 * start-up, so a bad option stops the service with the reason.
 */
@Startup
@ApplicationScoped
public class TrainingPlan {

    private final Map<String, Trainee> trainees = new LinkedHashMap<>();

    public TrainingPlan(TeamCatalog catalog) {
        for (TeamDefinition team : catalog.allTeams()) {
            TrainingRule rule = TrainingRule.of(team, catalog);
            Set<String> origins = rule.origins().equals(TrainingRule.ORIGINS) ? Set.of() : rule.origins();
            boolean onlyWhenNamed = !rule.source().equals(team);
            if (rule.allRoles()) {
                List<Trainee.Served> served = team.roleNames().stream()
                        .map(role -> new Trainee.Served(team.agentId(role), team.subject(), role)).toList();
                add(new Trainee(rule.poolKey(), served, rule.source().agentIds(), origins, onlyWhenNamed));
            } else {
                for (String role : team.roleNames()) {
                    add(new Trainee(team.agentId(role), List.of(new Trainee.Served(team.agentId(role), team.subject(),
                            role)), rule.sourceAgents(role), origins, onlyWhenNamed));
                }
            }
        }
    }

    private void add(Trainee trainee) {
        trainees.put(trainee.key(), trainee);
    }

    /** Every team's trainees. */
    public List<Trainee> trainees() {
        return List.copyOf(trainees.values());
    }

    /** The trainee of that key; an unknown key is an agent trained on its own examples. */
    public Trainee trainee(String key) {
        Trainee trainee = trainees.get(key);
        return trainee != null ? trainee : Trainee.ownAgent(key, null, null);
    }

    /** The trainees an example of {@code agent} may train. */
    public List<Trainee> fedBy(String agent) {
        List<Trainee> fed = new ArrayList<>(trainees.values().stream().filter(t -> t.sources().contains(agent)).toList());
        if (fed.isEmpty() && !serves(agent)) {
            fed.add(trainee(agent));
        }
        return fed;
    }

    /** Whether some team's trainee gives its model to {@code agent}. */
    public boolean serves(String agent) {
        return trainees.values().stream().anyMatch(t -> t.agentIds().contains(agent));
    }

    /** The trainee whose model {@code agent} gets: its team's, else its own. */
    public Trainee of(String agent) {
        return trainees.values().stream().filter(t -> t.agentIds().contains(agent)).findFirst()
                .orElseGet(() -> trainee(agent));
    }
}
