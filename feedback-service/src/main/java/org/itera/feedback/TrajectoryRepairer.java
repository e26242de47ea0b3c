package org.itera.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.Repair;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.repair.RepairMode;
import org.itera.core.repair.RepairPrompts;
import org.itera.core.setting.RepairPlan;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TeamRunner;
import org.itera.llm.OpenAiAgentCaller;
import org.itera.llm.shots.LibraryShots;

/**
 * Repairs one turn of a failed trajectory, as its team's {@link RepairMode} says. By critique (SiriuS):
 * a critic who knows the right answer gives that role feedback, the role regenerates its answer,
 * rephrases it so it reads as a direct solution. By rationalization (STaR): the role answers its
 * original request again with the correct answer given as a hint, and the answer is kept as
 * generated (no rephrasing: STaR trains on the rationale itself). Either way the episode goes on
 * from there exactly as the generator would run it (for a team, every later role runs again; the
 * setting's {@code resume} decides). Which turn is the setting's {@link RepairPlan}.
 *
 * <p>The repaired turn keeps the role's ORIGINAL messages (and step), with the repaired answer as
 * its output, so the library example reads as if the role had solved it directly: no feedback, no
 * hint. The later roles re-run as the generator runs them, with their library-shots demonstrations
 * if they have any.
 */
@ApplicationScoped
public class TrajectoryRepairer {

    private final TeamRunner runner;
    private final RepairPrompts prompts;
    private final RepairModels models;
    private final OpenAiAgentCaller caller;
    private final LibraryShots shots;

    public TrajectoryRepairer(TeamRunner runner, RepairPrompts prompts, RepairModels models, OpenAiAgentCaller caller,
            LibraryShots shots) {
        this.runner = runner;
        this.prompts = prompts;
        this.models = models;
        this.caller = caller;
        this.shots = shots;
    }

    public TrajectoryEvent repair(TrajectoryEvent failed, RepairPlan plan, int attempt) {
        Instant started = Instant.now();
        TaskEvent task = failed.task();
        TeamDefinition team = runner.settings().of(task).team(task.subject());
        RoleDefinition role = plan.role();
        String agent = team.agentId(role.name());
        int index = plan.turnIndex();
        Turn original = failed.turns().get(index);

        Repaired repaired = RepairMode.of(team) == RepairMode.RATIONALIZE ? rationalize(agent, role, original, task)
                : critique(agent, team, plan, original, task);

        List<Turn> turns = new ArrayList<>(failed.turns().subList(0, index));
        turns.add(new Turn(role.name(), repaired.model(), original.messages(), repaired.output(), repaired.usage(),
                repaired.latencyMs(), original.step()));
        List<Turn> rerun = runner.continueFrom(task, turns, shots.forTask(task, caller));
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, attempt), task, TrajectoryEvent.ORIGIN_REGENERATED,
                failed.id(), role.name(), attempt, rerun, started, Instant.now(), repaired.repair());
    }

    /** SiriuS: a critic's feedback, the role's regeneration, then its rephrasing as a direct solution. */
    private Repaired critique(String agent, TeamDefinition team, RepairPlan plan, Turn original, TaskEvent task) {
        RoleDefinition role = plan.role();
        Turn critic = caller.callWith("critic", models.critic(agent), "critic",
                prompts.critic(team, role, task, plan.shown()));
        Turn regenerated = caller.callWith(agent, models.regenerate(agent), role.name(),
                prompts.regenerate(original, critic.output()));
        Turn rephrased = caller.callWith(agent, models.rephrase(agent), role.name(),
                prompts.rephrase(original, regenerated.output()));
        return new Repaired(rephrased.model(), rephrased.output(), sum(regenerated.usage(), rephrased.usage()),
                regenerated.latencyMs() + rephrased.latencyMs(), Repair.critique(critic.output(), critic.model(),
                        regenerated.model(), rephrased.model(), original.output(), regenerated.output()));
    }

    /** STaR: the role answers its original request again, the correct answer given as a hint; kept as generated. */
    private Repaired rationalize(String agent, RoleDefinition role, Turn original, TaskEvent task) {
        Turn rationale = caller.callWith(agent, models.regenerate(agent), role.name(),
                prompts.rationalize(original, task));
        return new Repaired(rationale.model(), rationale.output(), rationale.usage(), rationale.latencyMs(),
                Repair.rationalize(rationale.model(), original.output(), rationale.output()));
    }

    /** The repaired turn's answer, what it cost, and how it came about. */
    private record Repaired(String model, String output, TokenUsage usage, long latencyMs, Repair repair) {
    }

    private static TokenUsage sum(TokenUsage a, TokenUsage b) {
        return new TokenUsage(a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens());
    }
}
