package org.itera.generator;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.Episode;
import org.itera.core.team.TeamRunner;
import org.itera.llm.OpenAiAgentCaller;
import org.itera.llm.shots.LibraryShots;

/**
 * Runs a task's episode once and records the whole run as a trajectory (a game with its record:
 * moves, end, payoffs, winner). A task that names models of its own ({@code models}, e.g. an
 * evaluation of an older round) runs those agents on them. Agents with library-shots get their
 * demonstrations from the experience library on every call ({@link LibraryShots}).
 */
@ApplicationScoped
public class TrajectoryGenerator {

    private final TeamRunner runner;
    private final OpenAiAgentCaller caller;
    private final GeneratorMetrics metrics;
    private final LibraryShots shots;

    public TrajectoryGenerator(TeamRunner runner, OpenAiAgentCaller caller, GeneratorMetrics metrics,
            LibraryShots shots) {
        this.runner = runner;
        this.caller = caller;
        this.metrics = metrics;
        this.shots = shots;
    }

    public TrajectoryEvent generate(TaskEvent task) {
        Instant started = Instant.now();
        metrics.started(task);
        try {
            Episode episode = runner.play(task, shots.forTask(task, caller.withModels(task.models())));
            TrajectoryEvent trajectory = new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task,
                    TrajectoryEvent.ORIGIN_GENERATED, null, null, 0, episode.turns(), started, Instant.now(), null,
                    episode.game().orElse(null));
            metrics.generated(task);
            return trajectory;
        } catch (RuntimeException e) {
            metrics.failedToRun(task);
            throw e;
        } finally {
            metrics.finished();
        }
    }
}
