package org.itera.finetune.round;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.store.RoundStore;
import org.jboss.logging.Logger;

/**
 * Takes up the rounds left {@code running} by an instance that stopped: at start-up, and then every
 * {@code itera.finetune.lease.renew-every}, so that when the instance running them dies, another
 * one takes them over as soon as the round lease lapses. The runner is claimed (the lease taken)
 * before anything else can start a round, and every created job is followed to its end in the
 * background (see {@link AgentTrainer#resume}). While the lease's holder is alive, nothing happens.
 */
@ApplicationScoped
public class RoundRecovery {

    private static final Logger LOG = Logger.getLogger(RoundRecovery.class);

    private final RoundRunner runner;
    private final RoundStore rounds;
    private final FinetuneConfig config;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "finetune-round-recovery");
        thread.setDaemon(true);
        return thread;
    });

    public RoundRecovery(RoundRunner runner, RoundStore rounds, FinetuneConfig config) {
        this.runner = runner;
        this.rounds = rounds;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        takeOver(true);
        long every = config.lease().renewEvery().toMillis();
        watcher.scheduleWithFixedDelay(() -> takeOver(false), every, every, TimeUnit.MILLISECONDS);
    }

    /** Resumes the unfinished rounds if this instance can claim the runner (and so the lease). */
    void takeOver(boolean atStart) {
        try {
            if (runner.isRunning()) {
                return;
            }
            List<Document> open = rounds.unfinished();
            if (!open.isEmpty()) {
                runner.resume(open);
            }
        } catch (RoundRunningException e) {
            if (atStart) {
                LOG.infof("rounds not resumed at start-up: %s", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warnf("looking for rounds to take over failed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        watcher.shutdownNow();
    }
}
