package org.itera.finetune.round;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.store.ExampleStore;
import org.jboss.logging.Logger;

/**
 * Starts rounds by itself ({@code itera.finetune.auto}): when an agent crosses the threshold, a
 * round starts after {@code auto-delay}; examples that arrive meanwhile join it. An agent whose
 * last job did not give a model triggers again only after a threshold of new examples, so a
 * failing agent does not retry in a loop (POST /rounds retries at once).
 */
@ApplicationScoped
public class AutoRounds {

    private static final Logger LOG = Logger.getLogger(AutoRounds.class);

    private final FinetuneConfig config;
    private final ExampleStore examples;
    private final RoundRunner runner;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<String, Integer> untrainedAtFailure = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "finetune-auto-rounds");
        thread.setDaemon(true);
        return thread;
    });

    public AutoRounds(FinetuneConfig config, ExampleStore examples, RoundRunner runner) {
        this.config = config;
        this.examples = examples;
        this.runner = runner;
    }

    public void exampleAdded(String agent) {
        if (config.auto() && !runner.isRunning() && triggers(agent, (int) examples.untrainedCount(agent))) {
            schedule();
        }
    }

    void roundFinished(@Observes RoundFinished round) {
        round.agents().stream().filter(agent -> !round.trained().contains(agent))
                .forEach(agent -> untrainedAtFailure.put(agent, (int) examples.untrainedCount(agent)));
        round.trained().forEach(untrainedAtFailure::remove);
        if (config.auto() && examples.untrainedCounts().entrySet().stream().anyMatch(e -> triggers(e.getKey(), e.getValue()))) {
            schedule();
        }
    }

    private boolean triggers(String agent, int untrained) {
        return untrained >= config.threshold() + untrainedAtFailure.getOrDefault(agent, 0);
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::fire, config.autoDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void fire() {
        scheduled.set(false);
        try {
            runner.start("auto");
        } catch (RoundRunningException e) {
            LOG.debug("automatic round deferred: a round is running");
        } catch (RuntimeException e) {
            LOG.errorf(e, "automatic round failed to start");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }
}
