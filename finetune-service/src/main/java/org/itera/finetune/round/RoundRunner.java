package org.itera.finetune.round;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.store.ExampleStore;
import org.itera.finetune.store.RoundStore;
import org.jboss.logging.Logger;

/**
 * Runs rounds, one at a time: a round trains, in parallel, every agent with at least the
 * threshold of untrained examples, then fires {@link RoundFinished}.
 */
@ApplicationScoped
public class RoundRunner {

    private static final Logger LOG = Logger.getLogger(RoundRunner.class);

    private final FinetuneConfig config;
    private final ExampleStore examples;
    private final RoundStore rounds;
    private final AgentTrainer trainer;
    private final Event<RoundFinished> finished;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "finetune-round");
        thread.setDaemon(true);
        return thread;
    });

    public RoundRunner(FinetuneConfig config, ExampleStore examples, RoundStore rounds, AgentTrainer trainer,
            Event<RoundFinished> finished) {
        this.config = config;
        this.examples = examples;
        this.rounds = rounds;
        this.trainer = trainer;
        this.finished = finished;
    }

    /**
     * Starts a round if an agent qualifies.
     *
     * @throws RoundRunningException when a round is running
     */
    public RoundStart start(String trigger) {
        if (!running.compareAndSet(false, true)) {
            throw new RoundRunningException("a round is running");
        }
        try {
            Map<String, Integer> untrained = examples.untrainedCounts();
            List<String> agents = untrained.entrySet().stream().filter(e -> e.getValue() >= config.threshold())
                    .map(Map.Entry::getKey).sorted().toList();
            if (agents.isEmpty()) {
                running.set(false);
                return new RoundStart(null, agents, untrained);
            }
            int round = rounds.open(agents, trigger, config.mode());
            LOG.infof("round %d (%s) trains %s", round, trigger, agents);
            executor.execute(() -> run(round, agents));
            return new RoundStart(round, agents, untrained);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    private void run(int round, List<String> agents) {
        List<String> trained = List.of();
        try {
            List<CompletableFuture<Boolean>> jobs = agents.stream()
                    .map(agent -> CompletableFuture.supplyAsync(() -> trainer.train(agent, round), executor)).toList();
            trained = agents.stream().filter(agent -> jobs.get(agents.indexOf(agent)).join()).toList();
            rounds.close(round, trained);
            LOG.infof("round %d done: new models for %s", round, trained);
        } catch (RuntimeException e) {
            LOG.errorf(e, "round %d ended with an error", round);
        } finally {
            running.set(false);
        }
        finished.fire(new RoundFinished(round, agents, trained));
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
