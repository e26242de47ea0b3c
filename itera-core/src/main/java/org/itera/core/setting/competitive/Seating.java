package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.Seat;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.TeamDefinition;

/**
 * Who plays each role of a game task: the task's {@code seats} (in the game's role order) where it
 * names them, else the game's own agent for the role ({@code <game>-<role>}) on its current model.
 */
record Seating(Map<String, String> agents, Map<String, String> models) {

    static Seating of(TeamDefinition team, TaskEvent task) {
        Map<String, String> agents = new LinkedHashMap<>();
        Map<String, String> models = new LinkedHashMap<>();
        List<Seat> seats = task.seats() == null ? List.of() : task.seats();
        List<String> roles = team.roleNames();
        for (int i = 0; i < roles.size(); i++) {
            Seat seat = i < seats.size() ? seats.get(i) : null;
            String agent = seat == null || seat.agent() == null || seat.agent().isBlank()
                    ? team.agentId(roles.get(i)) : seat.agent();
            agents.put(roles.get(i), agent);
            if (seat != null && seat.model() != null && !seat.model().isBlank()) {
                models.put(roles.get(i), seat.model());
            }
        }
        return new Seating(agents, models);
    }

    String agent(String role) {
        return agents.get(role);
    }

    /** The model the role plays with in this game; null: its agent's model. */
    String model(String role) {
        return models.get(role);
    }
}
