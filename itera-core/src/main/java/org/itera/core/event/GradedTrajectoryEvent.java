package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A trajectory with its grade, as emitted on {@code failures} for the feedback stage. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradedTrajectoryEvent(TrajectoryEvent trajectory, Grade grade) {
}
