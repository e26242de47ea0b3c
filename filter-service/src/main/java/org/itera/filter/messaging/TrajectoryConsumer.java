package org.itera.filter.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.SettingRegistry;
import org.itera.filter.TrajectoryFilter;

/**
 * Reads {@code trajectories} and {@code regenerated} (repaired trajectories from feedback-service),
 * and files both the same way, up to {@code ITERA_FILTER_CONCURRENCY} at once (the {@code filing}
 * worker pool), those of one task in turn ({@link TaskLocks}). A message is acknowledged when its
 * filing returned, so after everything it produced was written. A message that is not a readable
 * trajectory is nacked and lands on the topic's dead-letter topic ({@code trajectories-dlq},
 * {@code regenerated-dlq}) with the reason; the service keeps consuming.
 */
@ApplicationScoped
public class TrajectoryConsumer {

    private static final int LOCK_STRIPES = 256;

    private final TrajectoryFilter filter;
    private final SettingRegistry settings;
    private final TaskLocks locks = new TaskLocks(LOCK_STRIPES);

    public TrajectoryConsumer(TrajectoryFilter filter, SettingRegistry settings) {
        this.filter = filter;
        this.settings = settings;
    }

    @Incoming("trajectories")
    @Blocking(value = "filing", ordered = false)
    public void consume(String payload) {
        file(payload);
    }

    @Incoming("regenerated")
    @Blocking(value = "filing", ordered = false)
    public void consumeRegenerated(String payload) {
        file(payload);
    }

    private void file(String payload) {
        TrajectoryEvent trajectory = TrajectoryReader.read(payload, settings);
        locks.run(trajectory.task().id(), () -> filter.file(trajectory));
    }
}
