package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.GameRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.Episode;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.Rate;
import org.itera.core.setting.RepairPlan;
import org.itera.core.setting.TeamSetting;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/**
 * SiriuS's competitive setting ({@code "setting": "competitive"}): two agents play a negotiation
 * game ({@code teams/competitive/<game>.json}: the rules, roles, data and prompts), a role learns
 * from the games it won. A task names its {@code game} (its subject), an optional {@code seed},
 * {@code overrides} of the game's data and {@code seats}. There is no ground truth, so nothing is
 * repaired; success is a win of a trainable role.
 */
public final class CompetitiveSetting extends TeamSetting {

    public static final String NAME = "competitive";
    static final String DECISIVE = "decisive";
    static final String TRAINABLE_WINS = "trainableWins";
    static final String DEAL = "deal";
    static final String MOVES = "moves";
    static final String REPLIES = "replies";
    static final String INVALID_REPLIES = "invalidReplies";

    public CompetitiveSetting(TeamCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A game's roles are its own; {@link #teamProblems} checks them. */
    @Override
    protected Map<String, List<String>> requiredRoles() {
        return Map.of();
    }

    @Override
    public void validate(TaskEvent task, List<String> reasons) {
        new GameTaskChecks(catalog).check(task, reasons);
    }

    @Override
    public List<String> teamProblems(TeamDefinition team) {
        return GameTaskChecks.teamProblems(team, catalog.prompts());
    }

    @Override
    public Optional<String> trajectoryProblem(TrajectoryEvent trajectory) {
        return GameTaskChecks.trajectoryProblem(trajectory, catalog);
    }

    @Override
    public Episode start(TaskEvent task) {
        TeamDefinition team = team(task.subject());
        List<String> reasons = new ArrayList<>();
        GameSpec spec = GameSpecReader.read(team, task.overrides(), reasons);
        if (spec == null) {
            throw new IllegalArgumentException("game task " + task.id() + ": " + String.join("; ", reasons));
        }
        GameRules rules = GameRules.find(spec.rules()).orElseThrow();
        long seed = task.seed() != null ? task.seed() : task.id().hashCode();
        return new GameEpisode(spec, rules, new GamePrompts(catalog.prompts(), team, spec, rules), Seating.of(team, task),
                seed);
    }

    @Override
    public Episode resume(TaskEvent task, List<Turn> prefix) {
        throw new UnsupportedOperationException("games are not repaired: there is no ground truth to repair with");
    }

    @Override
    public Outcome score(TrajectoryEvent trajectory) {
        return GameScoring.score(team(trajectory.task().subject()).roleNames(), trajectory.game());
    }

    @Override
    public List<FinetuneRecord> examples(TrajectoryEvent trajectory, Outcome outcome) {
        GameRecord game = trajectory.game();
        return GameExamples.select(game, trajectory.turns(), (role, messages) -> new FinetuneRecord(
                FinetuneRecord.idFor(trajectory.id(), role), game.seats().get(role), trajectory.task().subject(), role,
                messages, trajectory.id(), trajectory.origin(), trajectory.task().roundOrZero(),
                trajectory.task().id(), trajectory.task().split()));
    }

    @Override
    public String successName() {
        return "Games won by the trained role";
    }

    @Override
    public boolean repairs() {
        return false;
    }

    @Override
    public Optional<RepairPlan> repairPlan(TrajectoryEvent failed, RepairPolicy policy, int repair) {
        return Optional.empty();
    }

    /**
     * One game per trainable role of the task: that role's agent on its model of the round, the
     * opponent on its base model, the role the only trainable one (so the game's success is its win),
     * the id {@code <task id>~<role>}; the task itself when no role is trainable.
     */
    @Override
    public List<TaskEvent> evaluationTasks(TaskEvent task, Map<String, String> roundModels,
            Map<String, String> baseModels) {
        TeamDefinition team = team(task.withDefaults().subject());
        GameSpec spec = GameSpecReader.read(team, task.overrides(), new ArrayList<>());
        if (spec == null || spec.trainable().isEmpty()) {
            return List.of(task.withModels(roundModels));
        }
        List<TaskEvent> tasks = new ArrayList<>();
        for (String role : spec.trainable()) {
            Map<String, String> models = new LinkedHashMap<>(baseModels);
            String agent = team.agentId(role);
            models.put(agent, roundModels.getOrDefault(agent, baseModels.get(agent)));
            Map<String, Object> overrides = new LinkedHashMap<>(task.overrides() == null ? Map.of() : task.overrides());
            overrides.put("trainable", List.of(role));
            tasks.add(task.withIdAndOverrides(task.id() + "~" + role, overrides).withModels(models));
        }
        return tasks;
    }

    @Override
    public List<String> counters() {
        List<String> counters = new ArrayList<>(List.of(DECISIVE, TRAINABLE_WINS, DEAL, MOVES, REPLIES, INVALID_REPLIES));
        GameRecord.END_REASONS.forEach(reason -> counters.add(endCounter(reason)));
        counters.addAll(List.of("winP1", "winP2", "payoffP1", "payoffP2"));
        return counters;
    }

    /**
     * The trainable role's win rate over decisive games (in an evaluation: the evaluated role's),
     * each seat's, the deal rate, the share of replies that were no valid move, and the means of a
     * game's length (valid moves) and of each seat's payoff.
     */
    @Override
    public List<Rate> rates() {
        return List.of(new Rate("winRate", TRAINABLE_WINS, DECISIVE), new Rate("winRateP1", "winP1", DECISIVE),
                new Rate("winRateP2", "winP2", DECISIVE), Rate.ofEpisodes("dealRate", DEAL),
                new Rate("invalidMoveRate", INVALID_REPLIES, REPLIES), Rate.meanOf("meanMoves", MOVES),
                Rate.meanOf("meanPayoffP1", "payoffP1"), Rate.meanOf("meanPayoffP2", "payoffP2"));
    }

    static String endCounter(String reason) {
        return "end" + Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
