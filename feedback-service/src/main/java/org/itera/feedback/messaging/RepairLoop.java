package org.itera.feedback.messaging;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import org.itera.core.event.Topics;
import org.jboss.logging.Logger;

/**
 * Pauses and resumes the repair loop through the messaging layer's own pause of the
 * {@code failures} channel (a pausable channel: {@code mp.messaging.incoming.failures.pausable}).
 * While paused no new failure reaches {@link FailureConsumer}: the Kafka consumer stops fetching
 * once its queue is full, nothing is acknowledged, and repairs already in flight run to their end.
 * On resume the waiting failures are repaired in order; a restart while paused redelivers them.
 */
@ApplicationScoped
public class RepairLoop {

    private static final Logger LOG = Logger.getLogger(RepairLoop.class);

    private final ChannelRegistry channels;

    public RepairLoop(ChannelRegistry channels) {
        this.channels = channels;
    }

    public boolean paused() {
        return channel().isPaused();
    }

    public void pause() {
        if (!channel().isPaused()) {
            channel().pause();
            LOG.info("repair loop paused: failures wait on the topic until it is resumed");
        }
    }

    public void resume() {
        if (channel().isPaused()) {
            channel().resume();
            LOG.info("repair loop resumed");
        }
    }

    private PausableChannel channel() {
        PausableChannel channel = channels.getPausable(Topics.FAILURES);
        if (channel == null) {
            throw new IllegalStateException("the failures channel is not pausable: set "
                    + "mp.messaging.incoming.failures.pausable=true");
        }
        return channel;
    }
}
