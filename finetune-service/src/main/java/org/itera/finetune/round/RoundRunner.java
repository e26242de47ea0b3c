package org.itera.finetune.round;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bson.Document;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.store.RoundStore;
import org.itera.finetune.training.RoundScope;
import org.itera.finetune.training.TrainingPlan;
import org.itera.finetune.training.UntrainedExamples;
import org.jboss.logging.Logger;

/**
 * Runs rounds, one at a time across every instance: a round trains, in parallel, every trainee (an
 * agent, or a team's pooled job: {@link TrainingPlan}) of its {@link RoundScope} with at least the
 * threshold of untrained examples, then fires {@link RoundFinished}; the round's {@code agents} are
 * the trainees' keys, its {@code subjects} the ones it names (null: none, the ordinary scope, which
 * leaves out the teams trained from another team's library).
 * Only the holder of the {@link RoundLease} runs rounds; it holds the lease from the claim until its
 * rounds end. A round interrupted by a stop (or by losing the lease, or by a crash) stays
 * {@code running} in the store and is resumed on the next start, or by the instance that holds the
 * lease next ({@link #resume}), before any new round opens.
 */
@ApplicationScoped
public class RoundRunner {

    private static final Logger LOG = Logger.getLogger(RoundRunner.class);

    private final FinetuneConfig config;
    private final UntrainedExamples untrained;
    private final TrainingPlan plan;
    private final RoundStore rounds;
    private final AgentTrainer trainer;
    private final Event<RoundFinished> finished;
    private final RoundClaim claim;
    private final RoundThreads executor = new RoundThreads();

    public RoundRunner(FinetuneConfig config, UntrainedExamples untrained, TrainingPlan plan, RoundStore rounds,
            AgentTrainer trainer, Event<RoundFinished> finished, RoundLease lease) {
        this.claim = new RoundClaim(lease);
        lease.onLost(executor::interruptAll);
        this.config = config;
        this.untrained = untrained;
        this.plan = plan;
        this.rounds = rounds;
        this.trainer = trainer;
        this.finished = finished;
    }

    /** {@link #start(String, String, RoundScope)} outside a run, naming no subject. */
    public RoundStart start(String trigger) {
        return start(trigger, null, RoundScope.ordinary());
    }

    /**
     * Starts a round of the scope's trainees as part of a run (null: of none); its document carries
     * the run id and the scope's subjects. Rounds a stopped instance left running come first: they
     * are resumed instead, with their stored agents (their examples are not trained yet, so a new
     * round would create their jobs a second time).
     *
     * @throws RoundRunningException when a round is running, or one left running is resumed now
     */
    public RoundStart start(String trigger, String run, RoundScope scope) {
        claim.claim();
        List<Document> open;
        try {
            open = rounds.unfinished();
            if (open.isEmpty()) {
                return open(trigger, run, scope);
            }
        } catch (RuntimeException e) {
            claim.free();
            throw e;
        }
        finish(open);
        throw new RoundRunningException("round " + open.get(0).getInteger("_id")
                + " was left running by a stopped instance and is resumed now");
    }

    private RoundStart open(String trigger, String run, RoundScope scope) {
        Map<String, Integer> counts = untrained.byTrainee(scope);
        List<String> agents = counts.entrySet().stream().filter(e -> e.getValue() >= config.threshold())
                .map(Map.Entry::getKey).sorted().toList();
        if (agents.isEmpty()) {
            claim.free();
            return new RoundStart(null, agents, counts);
        }
        int round = rounds.open(agents, trigger, config.mode(), run, scope.subjects());
        LOG.infof("round %d (%s) trains %s", round, trigger, agents);
        execute(() -> runRound(round, agents, key -> trainer.train(plan.trainee(key), round)).stream().toList());
        return new RoundStart(round, agents, counts);
    }

    /**
     * Claims the runner now and, in the background, finishes the {@code open} rounds (the ones a
     * stopped instance left running), oldest first, resuming each agent's job.
     *
     * @throws RoundRunningException when a round is running
     */
    public void resume(List<Document> open) {
        claim.claim();
        finish(open);
    }

    /** With the runner claimed: finishes the rounds left open, in the background. */
    private void finish(List<Document> open) {
        execute(() -> {
            List<RoundFinished> done = new ArrayList<>();
            for (Document round : open) {
                int n = round.getInteger("_id");
                List<String> agents = round.getList("agents", String.class, List.of());
                LOG.infof("round %d was left running by a stopped instance: resuming %s", n, agents);
                runRound(n, agents, key -> trainer.resume(plan.trainee(key), n)).ifPresent(done::add);
            }
            return done;
        });
    }

    public boolean isRunning() {
        return claim.isClaimed();
    }

    /** Runs the work, frees the runner, then announces the rounds it finished. */
    private void execute(Supplier<List<RoundFinished>> work) {
        executor.execute(() -> {
            List<RoundFinished> done = List.of();
            try {
                done = work.get();
            } catch (RuntimeException e) {
                LOG.errorf(e, "rounds ended with an error");
            } finally {
                claim.free();
            }
            done.forEach(finished::fire);
        });
    }

    /** The round, unless a stop interrupted it (then it stays open for the next start). */
    private Optional<RoundFinished> runRound(int round, List<String> agents, Function<String, AgentOutcome> train) {
        List<CompletableFuture<AgentOutcome>> jobs = agents.stream()
                .map(agent -> CompletableFuture.supplyAsync(() -> train.apply(agent), executor)).toList();
        List<AgentOutcome> outcomes = jobs.stream().map(CompletableFuture::join).toList();
        if (outcomes.contains(AgentOutcome.INTERRUPTED) || Thread.currentThread().isInterrupted()) {
            LOG.infof("round %d interrupted by a stop; it resumes on the next start", round);
            return Optional.empty();
        }
        List<String> trained = IntStream.range(0, agents.size()).filter(i -> outcomes.get(i) == AgentOutcome.TRAINED)
                .mapToObj(agents::get).toList();
        rounds.close(round, trained);
        LOG.infof("round %d done: new models for %s", round, trained);
        return Optional.of(new RoundFinished(round, agents, trained));
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdown();
    }
}
