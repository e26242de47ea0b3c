package org.itera.finetune.round;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.bson.Document;
import org.itera.finetune.store.RoundStore;
import org.jboss.logging.Logger;

/**
 * On start-up, takes up the rounds a stopped instance left {@code running}: the runner is claimed
 * before anything else can start a round, and every created job is followed to its end in the
 * background (see {@link AgentTrainer#resume}).
 */
@ApplicationScoped
public class RoundRecovery {

    private static final Logger LOG = Logger.getLogger(RoundRecovery.class);

    private final RoundRunner runner;
    private final RoundStore rounds;

    public RoundRecovery(RoundRunner runner, RoundStore rounds) {
        this.runner = runner;
        this.rounds = rounds;
    }

    void onStart(@Observes StartupEvent event) {
        List<Document> open = rounds.unfinished();
        if (open.isEmpty()) {
            return;
        }
        try {
            runner.resume(open);
        } catch (RoundRunningException e) {
            LOG.warn("rounds not resumed at start-up: a round is already running");
        }
    }
}
