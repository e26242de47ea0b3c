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
import org.itera.finetune.training.RoundScope;
import org.itera.finetune.training.TrainingPlan;
import org.itera.finetune.training.UntrainedExamples;
import org.jboss.logging.Logger;

/**
 * Starts rounds by itself ({@code itera.finetune.auto}): when a trainee (an agent, or a team's
 * pooled job) crosses the threshold, a round starts after {@code auto-delay}; examples that arrive
 * meanwhile join it. A trainee whose last job did not give a model triggers again only after a
 * threshold of new examples, so a failing one does not retry in a loop (POST /rounds retries at once).
 * Its rounds name no subject ({@link RoundScope#ordinary()}), so the trainees such rounds leave out
 * (teams trained from another team's library) do not start one either.
 */
@ApplicationScoped
public class AutoRounds {

    private static final Logger LOG = Logger.getLogger(AutoRounds.class);

    private final FinetuneConfig config;
    private final UntrainedExamples untrained;
    private final TrainingPlan plan;
    private final RoundRunner runner;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<String, Integer> untrainedAtFailure = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "finetune-auto-rounds");
        thread.setDaemon(true);
        return thread;
    });

    public AutoRounds(FinetuneConfig config, UntrainedExamples untrained, TrainingPlan plan, RoundRunner runner) {
        this.config = config;
        this.untrained = untrained;
        this.plan = plan;
        this.runner = runner;
    }

    /** An example of {@code agent} was stored: a round is due if a trainee it feeds crossed the threshold. */
    public void exampleAdded(String agent) {
        if (config.auto() && !runner.isRunning() && plan.fedBy(agent).stream()
                .filter(RoundScope.ordinary()::includes)
                .anyMatch(trainee -> triggers(trainee.key(), untrained.of(trainee.key())))) {
            schedule();
        }
    }

    void roundFinished(@Observes RoundFinished round) {
        round.agents().stream().filter(key -> !round.trained().contains(key))
                .forEach(key -> untrainedAtFailure.put(key, untrained.of(key)));
        round.trained().forEach(untrainedAtFailure::remove);
        if (config.auto() && untrained.byTrainee(RoundScope.ordinary()).entrySet().stream()
                .anyMatch(e -> triggers(e.getKey(), e.getValue()))) {
            schedule();
        }
    }

    private boolean triggers(String key, int count) {
        return count >= config.threshold() + untrainedAtFailure.getOrDefault(key, 0);
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
