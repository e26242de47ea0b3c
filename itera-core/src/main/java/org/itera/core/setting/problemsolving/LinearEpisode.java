package org.itera.core.setting.problemsolving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.Episode;
import org.itera.core.setting.TurnRequest;
import org.itera.core.team.PromptRenderer;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;

/**
 * A problem-solving team's episode: each role in order, once, each seeing the earlier outputs its
 * definition names. Started from a prefix (the first roles' turns, e.g. up to a repaired one) it
 * asks only for the roles after it.
 */
final class LinearEpisode implements Episode {

    private final TeamDefinition team;
    private final TaskEvent task;
    private final PromptRenderer renderer;
    private final List<Turn> turns = new ArrayList<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();

    LinearEpisode(TeamDefinition team, TaskEvent task, PromptRenderer renderer, List<Turn> prefix) {
        this.team = team;
        this.task = task;
        this.renderer = renderer;
        requireTeamOrder(prefix);
        prefix.forEach(this::apply);
    }

    @Override
    public Optional<TurnRequest> next() {
        if (turns.size() >= team.roles().size()) {
            return Optional.empty();
        }
        RoleDefinition role = team.roles().get(turns.size());
        return Optional.of(new TurnRequest(team.agentId(role.name()), role.name(), null,
                renderer.messagesFor(team, role, task, outputs)));
    }

    @Override
    public void apply(Turn turn) {
        outputs.put(team.roles().get(turns.size()).name(), turn.output());
        turns.add(turn);
    }

    @Override
    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    private void requireTeamOrder(List<Turn> prefix) {
        if (prefix.size() > team.roles().size()) {
            throw new IllegalArgumentException(prefix.size() + " turns given, but team " + team.subject()
                    + " has only " + team.roles().size() + " roles");
        }
        for (int i = 0; i < prefix.size(); i++) {
            String expected = team.roles().get(i).name();
            if (!expected.equals(prefix.get(i).role())) {
                throw new IllegalArgumentException("turn " + i + " is by " + prefix.get(i).role()
                        + ", but team " + team.subject() + " expects " + expected);
            }
        }
    }
}
