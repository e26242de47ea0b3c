package org.itera.filter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.SettingRegistry;

/**
 * Parses and checks a trajectory message, with a clear reason when it is unusable: what every
 * trajectory needs here, the rest by its setting ({@code Setting.trajectoryProblem}).
 */
final class TrajectoryReader {

    private TrajectoryReader() {
    }

    static TrajectoryEvent read(String payload, SettingRegistry settings) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty trajectory message");
        }
        TrajectoryEvent trajectory;
        try {
            trajectory = Json.mapper().readValue(payload, TrajectoryEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON trajectory: " + e.getOriginalMessage());
        }
        require(trajectory.id() != null && !trajectory.id().isBlank(), "trajectory has no id");
        require(trajectory.task() != null, "trajectory " + trajectory.id() + " carries no task with an answer");
        require(trajectory.turns() != null && !trajectory.turns().isEmpty(),
                "trajectory " + trajectory.id() + " has no turns");
        require(trajectory.origin() != null, "trajectory " + trajectory.id() + " has no origin");
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
