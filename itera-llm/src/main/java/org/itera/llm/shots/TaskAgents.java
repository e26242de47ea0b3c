package org.itera.llm.shots;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.itera.core.event.Seat;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.TeamCatalog;

/**
 * The agents a task's calls may be made as: its team's (the task's setting and subject in the
 * catalogue; none for a team the catalogue lacks) and those its seats name.
 */
final class TaskAgents {

    private TaskAgents() {
    }

    static Stream<String> of(TaskEvent task, TeamCatalog catalog) {
        TaskEvent full = task.withDefaults();
        Stream<String> team = catalog.find(full.setting(), full.subject()).stream().flatMap(t -> t.agentIds().stream());
        List<Seat> seats = full.seats() == null ? List.of() : full.seats();
        return Stream.concat(team, seats.stream().filter(Objects::nonNull).map(Seat::agent).filter(Objects::nonNull));
    }
}
