package org.itera.core.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;

/**
 * Runs a team on a task: each role in order, one call per role, each seeing the earlier outputs
 * its definition names. The same code runs a whole team (generator) and the roles after a
 * repaired one (feedback), so a re-run is exactly what the generator would have done.
 */
public final class TeamRunner {

    private final TeamCatalog catalog;
    private final PromptRenderer renderer;

    public TeamRunner(TeamCatalog catalog) {
        this.catalog = catalog;
        this.renderer = new PromptRenderer(catalog.prompts());
    }

    public TeamCatalog catalog() {
        return catalog;
    }

    public PromptRenderer renderer() {
        return renderer;
    }

    /** Runs every role of the task's team. */
    public List<Turn> run(TaskEvent task, AgentCaller caller) {
        return continueFrom(task, List.of(), caller);
    }

    /**
     * Runs the roles that come after the given turns, which must be the team's first roles in
     * order; returns all turns, the given ones first.
     */
    public List<Turn> continueFrom(TaskEvent task, List<Turn> done, AgentCaller caller) {
        TeamDefinition team = catalog.team(task.subject());
        List<Turn> turns = new ArrayList<>(done);
        Map<String, String> outputs = outputsOf(team, done);
        for (RoleDefinition role : team.roles().subList(done.size(), team.roles().size())) {
            Turn turn = caller.call(team.agentId(role.name()), role.name(),
                    renderer.messagesFor(team, role, task, outputs));
            turns.add(turn);
            outputs.put(role.name(), turn.output());
        }
        return turns;
    }

    private static Map<String, String> outputsOf(TeamDefinition team, List<Turn> done) {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (done.size() > team.roles().size()) {
            throw new IllegalArgumentException(done.size() + " turns given, but team " + team.subject()
                    + " has only " + team.roles().size() + " roles");
        }
        for (int i = 0; i < done.size(); i++) {
            String expected = team.roles().get(i).name();
            if (!expected.equals(done.get(i).role())) {
                throw new IllegalArgumentException("turn " + i + " is by " + done.get(i).role()
                        + ", but team " + team.subject() + " expects " + expected);
            }
            outputs.put(expected, done.get(i).output());
        }
        return outputs;
    }
}
