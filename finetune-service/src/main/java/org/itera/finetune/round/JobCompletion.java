package org.itera.finetune.round;

import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.finetune.FinetuneMetrics;
import org.itera.finetune.messaging.ModelUpdatePublisher;
import org.itera.finetune.openai.client.FineTuningJob;
import org.itera.finetune.store.ExampleStore;
import org.itera.finetune.store.JobStore;
import org.itera.finetune.store.ModelRegistry;
import org.itera.finetune.training.Trainee;
import org.jboss.logging.Logger;

/**
 * Follows a created job to its end and records the outcome. On success the model is registered
 * for every agent the trainee serves (once per agent and round: a pooled job's one model is each
 * role's model of the round), announced on {@code model-updates} for each unless the registry says
 * it already was, and the examples are marked trained for the trainee, so completing the same job
 * again after a restart changes nothing. Any other end is recorded with its reason.
 */
@ApplicationScoped
public class JobCompletion {

    private static final Logger LOG = Logger.getLogger(JobCompletion.class);

    private final JobFollower follower;
    private final ExampleStore examples;
    private final JobStore jobs;
    private final ModelRegistry registry;
    private final ModelUpdatePublisher publisher;
    private final FinetuneMetrics metrics;

    public JobCompletion(JobFollower follower, ExampleStore examples, JobStore jobs, ModelRegistry registry,
            ModelUpdatePublisher publisher, FinetuneMetrics metrics) {
        this.follower = follower;
        this.examples = examples;
        this.jobs = jobs;
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Follows the job until it ends; {@code from} is the model it started from. */
    public AgentOutcome follow(Trainee trainee, int round, FineTuningJob job, String from, List<String> exampleIds)
            throws InterruptedException {
        String key = trainee.key();
        FineTuningJob done = follower.follow(key, round, job);
        if (!done.succeeded()) {
            return end(key, round, done.status(), done.reason());
        }
        String model = null;
        for (Trainee.Served agent : trainee.agents()) {
            model = announce(agent, new ModelUpdateEvent(agent.agent(), agent.subject(), agent.role(),
                    done.fineTunedModel(), from, round, done.id(), exampleIds.size()));
        }
        examples.markTrained(trainee, exampleIds, round);
        jobs.update(key, round, Updates.set("fineTunedModel", model));
        return end(key, round, "succeeded", null);
    }

    /** Registers the agent's model of the round once and announces it unless it already was; returns the model. */
    private String announce(Trainee.Served agent, ModelUpdateEvent update) {
        ModelUpdateEvent event = update;
        if (agent.subject() == null) {
            Document identity = examples.identity(agent.agent());
            event = new ModelUpdateEvent(update.agent(), identity.getString("subject"), identity.getString("role"),
                    update.model(), update.base(), update.round(), update.jobId(), update.examples());
        }
        Document model = registry.registerOnce(event);
        if (!Boolean.TRUE.equals(model.getBoolean("published"))) {
            publisher.publish(ModelRegistry.eventOf(model));
            registry.markPublished(event.agent(), event.round());
        } else {
            LOG.infof("round %d: model %s of %s was already announced", event.round(), model.getString("model"),
                    event.agent());
        }
        return model.getString("model");
    }

    /** Ends the agent's job record with {@code status} and the reason. */
    public AgentOutcome end(String agent, int round, String status, String reason) {
        jobs.finish(agent, round, status, reason);
        metrics.job(agent, status);
        if (reason != null) {
            LOG.warnf("round %d: %s did not get a new model (%s): %s", round, agent, status, reason);
        }
        return "succeeded".equals(status) ? AgentOutcome.TRAINED : AgentOutcome.NOT_TRAINED;
    }
}
