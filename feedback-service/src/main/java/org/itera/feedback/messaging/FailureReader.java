package org.itera.feedback.messaging;

import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.Payloads;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.SettingRegistry;

/**
 * Parses and checks a failure message, with a clear reason when it cannot be repaired: what
 * every failure needs here, the rest by the trajectory's setting.
 */
final class FailureReader {

    private FailureReader() {
    }

    static GradedTrajectoryEvent read(String payload, SettingRegistry settings) {
        GradedTrajectoryEvent failure = Payloads.read(payload, GradedTrajectoryEvent.class, "graded trajectory");
        TrajectoryEvent t = failure.trajectory();
        require(t != null && t.id() != null, "failure carries no trajectory with an id");
        require(t.task() != null && t.task().answer() != null && t.task().subject() != null,
                "trajectory " + t.id() + " carries no task with a subject and an answer");
        require(t.turns() != null && !t.turns().isEmpty(), "trajectory " + t.id() + " has no turns");
        settings.scopeProblem(t.task()).ifPresent(problem -> {
            throw new IllegalArgumentException("trajectory " + t.id() + ": " + problem);
        });
        settings.of(t.task()).trajectoryProblem(t).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return failure;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
