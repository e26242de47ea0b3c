package org.itera.cli.compare;

import java.util.List;
import org.itera.cli.stack.StackException;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TrainingRule;

/** The methods' teams as the catalogue has them: every one must exist before anything runs. */
final class CompareTeams {

    private static final TeamCatalog CATALOG = TeamCatalog.standard();

    private CompareTeams() {
    }

    /** Throws, naming what is missing, unless every team the plan needs is in the catalogue. */
    static void check(ComparePlan plan) throws StackException {
        List<String> missing = plan.teams().stream()
                .filter(team -> CATALOG.find(TaskEvent.SETTING_PROBLEM_SOLVING, team).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new StackException("no team " + String.join(", ", missing) + ": the methods " + Method.ids()
                    + " run as variants of the subject's team (teams/<subject>-single.json, -star, -norepair, -shared,"
                    + " -shots; present for arithmetic and pubmedqa); give --methods to leave some out");
        }
    }

    /** The keys a round's jobs of the team carry: its agent ids, and its pooled job's key. */
    static List<String> trainees(String team) {
        TeamDefinition definition = CATALOG.team(TaskEvent.SETTING_PROBLEM_SOLVING, team);
        String pool = TrainingRule.of(definition, CATALOG).poolKey();
        return java.util.stream.Stream.concat(definition.agentIds().stream(), java.util.stream.Stream.of(pool)).toList();
    }

    /** The team's agent ids. */
    static List<String> agents(String team) {
        return CATALOG.team(TaskEvent.SETTING_PROBLEM_SOLVING, team).agentIds();
    }
}
