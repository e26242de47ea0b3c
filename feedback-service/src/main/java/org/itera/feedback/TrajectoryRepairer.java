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
import org.itera.core.repair.RepairPrompts;
import org.itera.core.setting.RepairPlan;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TeamRunner;
import org.itera.llm.AgentSettings;
import org.itera.llm.OpenAiAgentCaller;
import org.itera.llm.shots.LibraryShots;

/**
 * Repairs one turn of a failed trajectory, as SiriuS does: a critic who knows the right answer
 * gives that role feedback, the role regenerates its answer, rephrases it so it reads as a direct
 * solution, and the episode goes on from there exactly as the generator would run it (for a team,
 * every later role runs again; the setting's {@code resume} decides). Which turn is the setting's
 * {@link RepairPlan}.
 *
 * <p>The repaired turn keeps the role's ORIGINAL messages (and step), with the rephrased answer as
 * its output, so the library example reads as if the role had solved it directly. The later roles
 * re-run as the generator runs them, with their library-shots demonstrations if they have any.
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

        AgentSettings criticSettings = models.critic(agent);
        Turn critic = caller.callWith("critic", criticSettings, "critic",
                prompts.critic(team, role, task, plan.shown()));
        Turn regenerated = caller.callWith(agent, models.regenerate(agent), role.name(),
                prompts.regenerate(original, critic.output()));
        Turn rephrased = caller.callWith(agent, models.rephrase(agent), role.name(),
                prompts.rephrase(original, regenerated.output()));

        List<Turn> turns = new ArrayList<>(failed.turns().subList(0, index));
        turns.add(new Turn(role.name(), rephrased.model(), original.messages(), rephrased.output(),
                sum(regenerated.usage(), rephrased.usage()), regenerated.latencyMs() + rephrased.latencyMs(),
                original.step()));
        List<Turn> rerun = runner.continueFrom(task, turns, shots.forTask(task, caller));

        Repair repair = new Repair(critic.output(), critic.model(), regenerated.model(), rephrased.model(),
                original.output(), regenerated.output());
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, attempt), task, TrajectoryEvent.ORIGIN_REGENERATED,
                failed.id(), role.name(), attempt, rerun, started, Instant.now(), repair);
    }

    private static TokenUsage sum(TokenUsage a, TokenUsage b) {
        return new TokenUsage(a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens());
    }
}
