package org.itera.filter.messaging;

import org.itera.core.event.Payloads;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.SettingRegistry;

/**
 * Parses and checks a trajectory message, with a clear reason when it is unusable ({@link Payloads}:
 * empty, oversize, not JSON, a field of the wrong type): what every trajectory needs here (an id,
 * a task of a known setting and subject, turns, an origin), the rest by its setting
 * ({@code Setting.trajectoryProblem}).
 */
final class TrajectoryReader {

    private TrajectoryReader() {
    }

    static TrajectoryEvent read(String payload, SettingRegistry settings) {
        TrajectoryEvent trajectory = Payloads.read(payload, TrajectoryEvent.class, "trajectory");
        require(trajectory.id() != null && !trajectory.id().isBlank(), "trajectory has no id");
        require(trajectory.task() != null, "trajectory " + trajectory.id() + " carries no task with an answer");
        require(trajectory.turns() != null && !trajectory.turns().isEmpty(),
                "trajectory " + trajectory.id() + " has no turns");
        require(trajectory.origin() != null, "trajectory " + trajectory.id() + " has no origin");
        settings.scopeProblem(trajectory.task()).ifPresent(problem -> {
            throw new IllegalArgumentException("trajectory " + trajectory.id() + ": " + problem);
        });
        settings.of(trajectory.task()).trajectoryProblem(trajectory).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return trajectory;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
