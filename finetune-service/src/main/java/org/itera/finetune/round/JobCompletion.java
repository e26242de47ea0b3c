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
import org.jboss.logging.Logger;

/**
 * Follows a created job to its end and records the outcome. On success the model is registered
 * (once per agent and round), announced on {@code model-updates} unless the registry says it
 * already was, and the examples are marked trained, so completing the same job again after a
 * restart changes nothing. Any other end is recorded with its reason.
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
    public AgentOutcome follow(String agent, int round, FineTuningJob job, String from, List<String> exampleIds)
            throws InterruptedException {
        FineTuningJob done = follower.follow(agent, round, job);
        if (!done.succeeded()) {
            return end(agent, round, done.status(), done.reason());
        }
        Document identity = examples.identity(agent);
        Document model = registry.registerOnce(new ModelUpdateEvent(agent, identity.getString("subject"),
                identity.getString("role"), done.fineTunedModel(), from, round, done.id(), exampleIds.size()));
        if (!Boolean.TRUE.equals(model.getBoolean("published"))) {
            publisher.publish(ModelRegistry.eventOf(model));
            registry.markPublished(agent, round);
        } else {
            LOG.infof("round %d: model %s of %s was already announced", round, model.getString("model"), agent);
        }
        examples.markTrained(exampleIds, round);
        jobs.update(agent, round, Updates.set("fineTunedModel", model.getString("model")));
        return end(agent, round, "succeeded", null);
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
