package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itera.core.event.GameRecord;
import org.itera.core.event.Seat;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.team.PromptLibrary;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * What a game task, a game team and a game trajectory must be, each problem in words: a known game,
 * a subject that is that game, overrides the game accepts, at most two seats naming agents of the
 * game; a team with two roles, each with {@code move} and {@code retry} step prompts, the list of
 * moves, and options that make a valid game; a trajectory with its game record, one parsed move
 * per turn and a known end.
 */
final class GameTaskChecks {

    private final TeamCatalog catalog;

    GameTaskChecks(TeamCatalog catalog) {
        this.catalog = catalog;
    }

    void check(TaskEvent task, List<String> reasons) {
        if (task.game() == null || task.game().isBlank()) {
            reasons.add("missing game (one of " + catalog.subjectsOf(CompetitiveSetting.NAME) + ")");
            return;
        }
        if (task.subject() != null && !task.subject().equals(task.game())) {
            reasons.add("subject '" + task.subject() + "' is not the game '" + task.game() + "' (leave it out)");
            return;
        }
        Optional<TeamDefinition> team = catalog.find(CompetitiveSetting.NAME, task.game());
        if (team.isEmpty()) {
            reasons.add("unknown game '" + task.game() + "' (one of " + catalog.subjectsOf(CompetitiveSetting.NAME) + ")");
            return;
        }
        GameSpecReader.read(team.get(), task.overrides(), reasons);
        seats(task, reasons);
    }

    private static void seats(TaskEvent task, List<String> reasons) {
        if (task.seats() == null) {
            return;
        }
        if (task.seats().size() > 2) {
            reasons.add("a game has two seats, the task names " + task.seats().size());
        }
        for (int i = 0; i < task.seats().size(); i++) {
            Seat seat = task.seats().get(i);
            if (seat == null) {
                reasons.add("seat " + (i + 1) + " is null");
            } else if (seat.agent() != null && !seat.agent().startsWith(task.game() + "-")) {
                reasons.add("seat " + (i + 1) + " names agent '" + seat.agent() + "', which is not of game " + task.game()
                        + " (agent ids are <game>-<name>)");
            } else if (seat.model() != null && seat.model().isBlank()) {
                reasons.add("seat " + (i + 1) + " names a blank model");
            }
        }
    }

    static List<String> teamProblems(TeamDefinition team, PromptLibrary prompts) {
        List<String> problems = new ArrayList<>();
        String name = CompetitiveSetting.NAME + "/" + team.subject();
        for (RoleDefinition role : team.roles()) {
            for (String step : List.of(GamePrompts.MOVE, GamePrompts.RETRY)) {
                if (role.stepPrompt(step).isEmpty()) {
                    problems.add("role '" + role.name() + "' of team " + name + " has no '" + step + "' step prompt");
                }
            }
        }
        if (!(team.options().get(GamePrompts.MOVES_PROMPT) instanceof String moves) || !prompts.exists(moves)) {
            problems.add("team " + name + " names no existing list of moves (options." + GamePrompts.MOVES_PROMPT + ")");
        }
        List<String> spec = new ArrayList<>();
        GameSpecReader.read(team, null, spec);
        spec.forEach(p -> problems.add("team " + name + ": " + p));
        return problems;
    }

    static Optional<String> trajectoryProblem(TrajectoryEvent trajectory, TeamCatalog catalog) {
        TaskEvent task = trajectory.task();
        GameRecord game = trajectory.game();
        List<String> reasons = new ArrayList<>();
        if (task.subject() == null || catalog.find(CompetitiveSetting.NAME, task.subject()).isEmpty()) {
            reasons.add("unknown game '" + task.subject() + "'");
        }
        if (game == null) {
            reasons.add("it carries no game record");
        } else {
            int turns = trajectory.turns() == null ? 0 : trajectory.turns().size();
            if (game.moves() == null || game.moves().size() != turns) {
                reasons.add("its game record has " + (game.moves() == null ? 0 : game.moves().size()) + " moves for "
                        + turns + " turns");
            }
            if (!GameRecord.END_REASONS.contains(game.endReason())) {
                reasons.add("its game ended for an unknown reason '" + game.endReason() + "'");
            }
            if (game.payoffs() == null || game.seats() == null || game.trainable() == null) {
                reasons.add("its game record lacks payoffs, seats or trainable roles");
            }
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of("trajectory " + trajectory.id() + ": " + String.join("; ", reasons));
    }
}
