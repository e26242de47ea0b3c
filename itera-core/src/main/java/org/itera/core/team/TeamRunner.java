package org.itera.core.team;

import java.util.List;
import java.util.Optional;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.Episode;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.setting.TurnRequest;

/**
 * The one runner of every episode, whatever its setting: it asks the task's setting for an
 * episode and makes the turns it asks for, one call each, until it is done. The generator runs
 * whole episodes with it and the feedback-service the rest of a repaired one, so a re-run is
 * exactly what the generator would have done.
 */
public final class TeamRunner {

    private final SettingRegistry settings;

    public TeamRunner(SettingRegistry settings) {
        this.settings = settings;
    }

    /** A runner over the standard settings of this catalogue. */
    public TeamRunner(TeamCatalog catalog) {
        this(SettingRegistry.standard(catalog));
    }

    public SettingRegistry settings() {
        return settings;
    }

    /** Runs a whole episode of the task. */
    public List<Turn> run(TaskEvent task, AgentCaller caller) {
        return play(task, caller).turns();
    }

    /** Runs a whole episode of the task and returns it, done (its turns, and a game's record). */
    public Episode play(TaskEvent task, AgentCaller caller) {
        Episode episode = settings.of(task).start(task);
        drive(episode, caller);
        return episode;
    }

    /**
     * Runs the rest of an episode from the given turns (for a problem-solving team its first
     * roles, in order; see {@code Setting.resume}); returns all turns, the given ones first.
     */
    public List<Turn> continueFrom(TaskEvent task, List<Turn> done, AgentCaller caller) {
        return drive(settings.of(task).resume(task, done), caller);
    }

    /**
     * Makes each turn the episode asks for, recording the step it was asked as. A call that fails
     * ends the episode if it says so ({@link Episode#endOnFailure}), else the failure is thrown.
     */
    public static List<Turn> drive(Episode episode, AgentCaller caller) {
        for (Optional<TurnRequest> next = episode.next(); next.isPresent(); next = episode.next()) {
            TurnRequest request = next.get();
            Turn turn;
            try {
                turn = caller.call(request);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || !episode.endOnFailure(e)) {
                    throw e;
                }
                continue;
            }
            episode.apply(request.step() == null ? turn : turn.withStep(request.step()));
        }
        return episode.turns();
    }
}
