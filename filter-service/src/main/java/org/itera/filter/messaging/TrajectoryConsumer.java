package org.itera.filter.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itera.core.setting.SettingRegistry;
import org.itera.filter.TrajectoryFilter;

/**
 * Reads {@code trajectories} and {@code regenerated} (repaired trajectories from feedback-service),
 * and files both the same way. A message that is not a readable trajectory is nacked and lands on
 * the topic's dead-letter topic ({@code trajectories-dlq}, {@code regenerated-dlq}) with the reason;
 * the service keeps consuming.
 */
@ApplicationScoped
public class TrajectoryConsumer {

    private final TrajectoryFilter filter;
    private final SettingRegistry settings;

    public TrajectoryConsumer(TrajectoryFilter filter, SettingRegistry settings) {
        this.filter = filter;
        this.settings = settings;
    }

    @Incoming("trajectories")
    @Blocking
    public void consume(String payload) {
        filter.file(TrajectoryReader.read(payload, settings));
    }

    @Incoming("regenerated")
    @Blocking
    public void consumeRegenerated(String payload) {
        filter.file(TrajectoryReader.read(payload, settings));
    }
}
