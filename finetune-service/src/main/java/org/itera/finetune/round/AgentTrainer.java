package org.itera.finetune.round;

import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.bson.Document;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.finetune.FinetuneMetrics;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.dataset.Example;
import org.itera.finetune.dataset.Suffixes;
import org.itera.finetune.dataset.TrainingFile;
import org.itera.finetune.messaging.ModelUpdatePublisher;
import org.itera.finetune.openai.client.FineTuningJob;
import org.itera.finetune.openai.client.OpenAiFineTuningClient;
import org.itera.finetune.store.ExampleStore;
import org.itera.finetune.store.JobStore;
import org.itera.finetune.store.ModelRegistry;
import org.jboss.logging.Logger;

/**
 * One agent's part of a round: training file, upload, job, follow; on success the model is
 * registered, announced on {@code model-updates} and its examples marked trained. Any other
 * outcome is recorded with its reason and the agent keeps its model.
 */
@ApplicationScoped
public class AgentTrainer {

    private static final Logger LOG = Logger.getLogger(AgentTrainer.class);

    private final FinetuneConfig config;
    private final ExampleStore examples;
    private final JobStore jobs;
    private final ModelRegistry registry;
    private final OpenAiFineTuningClient client;
    private final JobFollower follower;
    private final ModelUpdatePublisher publisher;
    private final FinetuneMetrics metrics;

    public AgentTrainer(FinetuneConfig config, ExampleStore examples, JobStore jobs, ModelRegistry registry,
            OpenAiFineTuningClient client, JobFollower follower, ModelUpdatePublisher publisher, FinetuneMetrics metrics) {
        this.config = config;
        this.examples = examples;
        this.jobs = jobs;
        this.registry = registry;
        this.client = client;
        this.follower = follower;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Trains the agent in the round; true when it got a new model. */
    public boolean train(String agent, int round) {
        Optional<Document> last = registry.latest(agent, Integer.MAX_VALUE);
        boolean continuing = config.continueMode() && last.isPresent();
        String from = continuing ? last.get().getString("model") : config.baseModelOf(agent);
        List<Example> set = examples.examples(agent, continuing);
        TrainingFile file = TrainingFile.of(set);
        jobs.begin(agent, round, continuing ? "continue" : "from-base", from, file.exampleIds().size());
        if (!file.rejected().isEmpty()) {
            jobs.update(agent, round, Updates.set("rejected", new Document(new LinkedHashMap<String, Object>(file.rejected()))));
        }
        if (!file.valid()) {
            return end(agent, round, "skipped", file.problem());
        }
        try {
            String suffix = Suffixes.of(agent, round);
            String fileId = client.uploadTrainingFile(suffix + ".jsonl", file.jsonl());
            jobs.update(agent, round, Updates.set("trainingFile", fileId), Updates.set("status", "uploaded"));
            FineTuningJob job = client.createJob(fileId, from, suffix, config.epochs());
            jobs.update(agent, round, Updates.set("jobId", job.id()), Updates.set("suffix", suffix),
                    Updates.set("status", job.status()));
            LOG.infof("round %d: fine-tuning job %s for %s on %d examples from %s", round, job.id(), agent,
                    file.exampleIds().size(), from);
            FineTuningJob done = follower.follow(agent, round, job);
            if (!done.succeeded()) {
                return end(agent, round, done.status(), done.reason());
            }
            Document identity = examples.identity(agent);
            ModelUpdateEvent update = new ModelUpdateEvent(agent, identity.getString("subject"),
                    identity.getString("role"), done.fineTunedModel(), from, round, done.id(), file.exampleIds().size());
            registry.register(update);
            publisher.publish(update);
            registry.markPublished(agent, round);
            examples.markTrained(file.exampleIds(), round);
            jobs.update(agent, round, Updates.set("fineTunedModel", done.fineTunedModel()));
            return end(agent, round, "succeeded", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return end(agent, round, "error", "interrupted");
        } catch (RuntimeException e) {
            return end(agent, round, "error", client.redact(String.valueOf(e.getMessage())));
        }
    }

    private boolean end(String agent, int round, String status, String reason) {
        jobs.finish(agent, round, status, reason);
        metrics.job(agent, status);
        if (reason != null) {
            LOG.warnf("round %d: %s did not get a new model (%s): %s", round, agent, status, reason);
        }
        return "succeeded".equals(status);
    }
}
