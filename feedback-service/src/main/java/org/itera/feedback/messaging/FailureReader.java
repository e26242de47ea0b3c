package org.itera.feedback.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.SettingRegistry;

/**
 * Parses and checks a failure message, with a clear reason when it cannot be repaired: what
 * every failure needs here, the rest by the trajectory's setting.
 */
final class FailureReader {

    private FailureReader() {
    }

    static GradedTrajectoryEvent read(String payload, SettingRegistry settings) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty failure message");
        }
        GradedTrajectoryEvent failure;
        try {
            failure = Json.mapper().readValue(payload, GradedTrajectoryEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON graded trajectory: " + e.getOriginalMessage());
        }
        TrajectoryEvent t = failure.trajectory();
        require(t != null && t.id() != null, "failure carries no trajectory with an id");
        require(t.task() != null && t.task().answer() != null && t.task().subject() != null,
                "trajectory " + t.id() + " carries no task with a subject and an answer");
        require(settings.catalog().subjects().contains(t.task().subject()),
                "trajectory " + t.id() + " has unknown subject '" + t.task().subject() + "'");
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
