package org.itera.feedback.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.team.TeamCatalog;

/** Parses and checks a failure message, with a clear reason when it cannot be repaired. */
final class FailureReader {

    private FailureReader() {
    }

    static GradedTrajectoryEvent read(String payload, TeamCatalog catalog) {
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
        require(catalog.subjects().contains(t.task().subject()),
                "trajectory " + t.id() + " has unknown subject '" + t.task().subject() + "'");
        int roles = catalog.team(t.task().subject()).roles().size();
        require(t.turns() != null && t.turns().size() == roles,
                "trajectory " + t.id() + " has " + (t.turns() == null ? 0 : t.turns().size())
                        + " turns, its team has " + roles + " roles");
        return failure;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
