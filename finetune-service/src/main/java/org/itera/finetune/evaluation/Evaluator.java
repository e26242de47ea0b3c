package org.itera.finetune.evaluation;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.team.TeamCatalog;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.messaging.TaskPublisher;
import org.itera.finetune.round.RoundFinished;
import org.itera.finetune.store.ModelRegistry;
import org.itera.finetune.store.RoundStore;
import org.jboss.logging.Logger;

/**
 * Evaluates a round: pushes the configured test-split tasks onto {@code tasks} with that round and
 * the round's models ({@code models}: each agent's model registered in the latest round up to n,
 * else its base model; round 0 is the base team), waits for exactly their graded trajectories
 * ({@code <taskId>@r<n>#0}) in {@code trajectories}, and records accuracy with its 95% Wilson
 * interval and those models.
 */
@ApplicationScoped
public class Evaluator {

    private static final Logger LOG = Logger.getLogger(Evaluator.class);

    private final FinetuneConfig config;
    private final TaskPublisher publisher;
    private final EvaluationStore store;
    private final ModelRegistry registry;
    private final RoundStore rounds;
    private final TeamCatalog catalog = TeamCatalog.standard();
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "finetune-evaluation");
        thread.setDaemon(true);
        return thread;
    });

    public Evaluator(FinetuneConfig config, TaskPublisher publisher, EvaluationStore store, ModelRegistry registry,
            RoundStore rounds) {
        this.config = config;
        this.publisher = publisher;
        this.store = store;
        this.registry = registry;
        this.rounds = rounds;
    }

    /** Pushes the round's evaluation tasks and returns the evaluation as started. */
    public Document start(int round) {
        FinetuneConfig.Evaluation settings = config.evaluation();
        if (settings.file().isEmpty() || settings.subject().isEmpty()) {
            throw new EvaluationException(400, "evaluation is not configured: set itera.finetune.evaluation.file and "
                    + "itera.finetune.evaluation.subject (ITERA_FINETUNE_EVALUATION_FILE, ITERA_FINETUNE_EVALUATION_SUBJECT)");
        }
        String subject = settings.subject().get();
        if (!catalog.subjects().contains(subject)) {
            throw new EvaluationException(400, "evaluation subject '" + subject + "' has no team");
        }
        if (round < 0 || (round > 0 && rounds.find(round).isEmpty())) {
            throw new EvaluationException(404, "round " + round + " does not exist (0 evaluates the base models)");
        }
        Map<String, String> models = models(subject, round);
        List<TaskEvent> tasks;
        try {
            tasks = EvaluationTasks.load(Path.of(settings.file().get()), subject, round, settings.limit(), models);
        } catch (IOException | RuntimeException e) {
            throw new EvaluationException(400, "evaluation tasks unreadable: " + e.getMessage());
        }
        if (!running.add(round)) {
            throw new EvaluationException(409, "round " + round + " is being evaluated");
        }
        try {
            Document evaluation = new Document("_id", subject + "@r" + round).append("round", round)
                    .append("subject", subject).append("models", models).append("tasks", tasks.size())
                    .append("status", "running").append("startedAt", new Date());
            store.save(evaluation);
            tasks.forEach(publisher::publish);
            List<String> ids = tasks.stream().map(t -> TrajectoryEvent.idFor(t, 0)).toList();
            executor.execute(() -> await(evaluation, ids));
            return evaluation;
        } catch (RuntimeException e) {
            running.remove(round);
            throw e;
        }
    }

    /** Each agent of the subject's team with the model it had after round {@code round}. */
    private Map<String, String> models(String subject, int round) {
        Map<String, String> models = new LinkedHashMap<>();
        catalog.team(subject).roles().forEach(role -> {
            String agent = subject + "-" + role.name();
            models.put(agent, registry.latest(agent, round).map(d -> d.getString("model"))
                    .orElse(config.baseModelOf(agent)));
        });
        return models;
    }

    private void await(Document evaluation, List<String> ids) {
        int round = evaluation.getInteger("round");
        Instant deadline = Instant.now().plus(config.evaluation().timeout());
        try {
            List<Document> graded = store.graded(ids);
            while (graded.size() < ids.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                graded = store.graded(ids);
            }
            int correct = (int) graded.stream().filter(d -> Boolean.TRUE.equals(d.getBoolean("correct"))).count();
            int n = graded.size();
            Wilson ci = Wilson.of(correct, n);
            store.save(evaluation.append("n", n).append("correct", correct)
                    .append("accuracy", n == 0 ? null : (double) correct / n)
                    .append("ci95", new Document("low", ci.low()).append("high", ci.high()))
                    .append("status", n == ids.size() ? "done" : "incomplete").append("missing", ids.size() - n)
                    .append("finishedAt", new Date()));
            LOG.infof("evaluation of round %d: %d/%d correct", round, correct, n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "evaluation of round %d failed", round);
        } finally {
            running.remove(round);
        }
    }

    void afterRound(@Observes RoundFinished round) {
        if (config.evaluateAfterRound()) {
            try {
                start(round.round());
            } catch (RuntimeException e) {
                LOG.warnf("round %d not evaluated: %s", round.round(), e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
