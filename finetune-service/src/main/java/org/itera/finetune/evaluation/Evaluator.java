package org.itera.finetune.evaluation;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
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
import org.itera.core.setting.Setting;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamDefinition;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.messaging.TaskPublisher;
import org.itera.finetune.round.RoundFinished;
import org.itera.finetune.store.ModelRegistry;
import org.itera.finetune.store.RoundStore;
import org.jboss.logging.Logger;

/**
 * Evaluates a round: pushes the test-split tasks of the request (or the configured ones) onto
 * {@code tasks} with that round and the round's models ({@code models}: each agent's model
 * registered in the latest round up to n, else its base model; round 0 is the base team; a game
 * plays each trained role on its round model against the base opponent, as the setting's
 * {@code evaluationTasks} says), waits
 * for exactly their graded trajectories in {@code trajectories}, and records the scores of
 * {@link EvaluationScore} with those models.
 */
@ApplicationScoped
public class Evaluator {

    private static final Logger LOG = Logger.getLogger(Evaluator.class);

    private final FinetuneConfig config;
    private final TaskPublisher publisher;
    private final EvaluationStore store;
    private final ModelRegistry registry;
    private final RoundStore rounds;
    private final SettingRegistry settings;
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "finetune-evaluation");
        thread.setDaemon(true);
        return thread;
    });

    public Evaluator(FinetuneConfig config, TaskPublisher publisher, EvaluationStore store, ModelRegistry registry,
            RoundStore rounds, SettingRegistry settings) {
        this.config = config;
        this.publisher = publisher;
        this.store = store;
        this.registry = registry;
        this.rounds = rounds;
        this.settings = settings;
    }

    /** Pushes the configured evaluation tasks of the round and returns the evaluation as started. */
    public Document start(int round) {
        return start(round, EvaluationRequest.parse(null));
    }

    /** Pushes the round's evaluation tasks as the request says and returns the evaluation as started. */
    public Document start(int round, EvaluationRequest request) {
        EvaluationRequest.Resolved evaluation = request.resolve(config.evaluation());
        String subject = evaluation.subject();
        Setting setting = setting(evaluation.setting(), subject);
        if (round < 0 || (round > 0 && rounds.find(round).isEmpty())) {
            throw new EvaluationException(404, "round " + round + " does not exist (0 evaluates the base models)");
        }
        TeamDefinition team = setting.team(subject);
        Map<String, String> models = models(team, round);
        List<TaskEvent> tasks = tasks(evaluation, setting, round, models, models(team, 0));
        if (!running.add(round)) {
            throw new EvaluationException(409, "round " + round + " is being evaluated");
        }
        try {
            Document started = new Document("_id", idOf(setting.name(), subject, round)).append("round", round)
                    .append("setting", setting.name()).append("subject", subject).append("models", models)
                    .append("tasks", tasks.size()).append("source", evaluation.source()).append("run", evaluation.run())
                    .append("status", "running").append("startedAt", new Date());
            store.save(started);
            tasks.forEach(publisher::publish);
            Map<String, String> ids = new LinkedHashMap<>();
            tasks.forEach(t -> ids.put(TrajectoryEvent.idFor(t, 0), t.id()));
            // the reply is a copy: the evaluation goes on appending to its own document while the reply is written
            Document reply = new Document(started);
            executor.execute(() -> await(started, setting, ids, evaluation.timeout()));
            return reply;
        } catch (RuntimeException e) {
            running.remove(round);
            throw e;
        }
    }

    private List<TaskEvent> tasks(EvaluationRequest.Resolved evaluation, Setting setting, int round,
            Map<String, String> models, Map<String, String> base) {
        List<TaskEvent> tasks = new java.util.ArrayList<>();
        try {
            for (TaskEvent task : EvaluationTasks.load(evaluation.lines(), evaluation.source(), setting,
                    evaluation.subject(), round, evaluation.limit())) {
                setting.evaluationTasks(task, models, base).forEach(t -> tasks.add(t.withRun(evaluation.run())));
            }
        } catch (IOException | RuntimeException e) {
            throw new EvaluationException(400, "evaluation tasks unreadable: " + e.getMessage());
        }
        if (tasks.isEmpty()) {
            throw new EvaluationException(400, "no evaluation tasks in " + evaluation.source());
        }
        return tasks;
    }

    /** {@code <subject>@r<round>}, with {@code <setting>/} in front for a setting other than problem solving. */
    static String idOf(String setting, String subject, int round) {
        String scope = TaskEvent.SETTING_PROBLEM_SOLVING.equals(setting) ? "" : setting + "/";
        return scope + subject + "@r" + round;
    }

    private Setting setting(String name, String subject) {
        Setting setting = settings.find(name).orElseThrow(() -> new EvaluationException(400,
                "evaluation setting '" + name + "' is not one of " + settings.names()));
        if (settings.catalog().find(name, subject).isEmpty()) {
            throw new EvaluationException(400, "evaluation subject '" + subject + "' has no team"
                    + (TaskEvent.SETTING_PROBLEM_SOLVING.equals(name) ? "" : " in the " + name + " setting"));
        }
        return setting;
    }

    /** Each agent of the team with the model it had after round {@code round} (round 0: its base model). */
    private Map<String, String> models(TeamDefinition team, int round) {
        Map<String, String> models = new LinkedHashMap<>();
        team.agentIds().forEach(agent -> models.put(agent, registry.latest(agent, round)
                .map(d -> d.getString("model")).orElse(config.baseModelOf(agent))));
        return models;
    }

    /**
     * Waits until every task of the evaluation is graded or was dead-lettered (a task that failed to
     * run, e.g. a prompt over the model's context, is never graded: it is counted in {@code failed},
     * named in {@code failedTasks}, and not waited for), or the timeout; then scores what was graded.
     *
     * @param ids each task's first-attempt trajectory id, to its task id
     */
    private void await(Document evaluation, Setting setting, Map<String, String> ids, java.time.Duration timeout) {
        int round = evaluation.getInteger("round");
        Instant deadline = Instant.now().plus(timeout);
        List<String> trajectoryIds = List.copyOf(ids.keySet());
        try {
            List<Document> graded = store.graded(trajectoryIds);
            java.util.Set<String> failed = failed(ids, graded);
            int reported = -1;
            while (graded.size() + failed.size() < ids.size() && Instant.now().isBefore(deadline)) {
                if (graded.size() != reported) {
                    reported = graded.size();
                    store.save(evaluation.append("graded", reported)); // progress for GET /evaluations
                }
                Thread.sleep(500);
                graded = store.graded(trajectoryIds);
                failed = failed(ids, graded);
            }
            finish(evaluation, setting, graded, failed, ids.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "evaluation of round %d failed", round);
        } finally {
            running.remove(round);
        }
    }

    /** The dead-lettered tasks among those not graded. */
    private java.util.Set<String> failed(Map<String, String> ids, List<Document> graded) {
        java.util.Set<String> gradedIds = new java.util.HashSet<>();
        graded.forEach(doc -> gradedIds.add(doc.getString("_id")));
        List<String> open = ids.entrySet().stream().filter(e -> !gradedIds.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
        return open.isEmpty() ? java.util.Set.of() : store.deadLettered(open);
    }

    private void finish(Document evaluation, Setting setting, List<Document> graded, java.util.Set<String> failed,
            int tasks) {
        evaluation.append("graded", graded.size());
        Document score = EvaluationScore.of(setting, graded);
        score.forEach(evaluation::append);
        int missing = tasks - graded.size() - failed.size();
        store.save(evaluation.append("status", missing == 0 ? "done" : "incomplete").append("missing", missing)
                .append("failed", failed.size()).append("failedTasks", List.copyOf(failed))
                .append("finishedAt", new Date()));
        LOG.infof("evaluation of round %d: %d/%d correct%s", evaluation.getInteger("round"), score.getInteger("correct"),
                graded.size(), failed.isEmpty() ? "" : ", " + failed.size() + " failed to run (dead-lettered)");
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
