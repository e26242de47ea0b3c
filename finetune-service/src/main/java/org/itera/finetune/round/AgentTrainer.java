package org.itera.finetune.round;

import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.dataset.Suffixes;
import org.itera.finetune.dataset.TrainingFile;
import org.itera.finetune.openai.client.CallInterruptedException;
import org.itera.finetune.openai.client.FineTuningJob;
import org.itera.finetune.openai.client.JobHyperparameters;
import org.itera.finetune.openai.client.OpenAiFineTuningClient;
import org.itera.finetune.store.ExampleStore;
import org.itera.finetune.store.JobStore;
import org.itera.finetune.store.ModelRegistry;
import org.itera.finetune.training.Trainee;
import org.jboss.logging.Logger;

/**
 * One trainee's part of a round (an agent's, or a team's pooled job): training file, upload, job,
 * then {@link JobCompletion}. After a restart, {@link #resume} takes the job up where the record
 * says it was. Records are kept under the trainee's key.
 */
@ApplicationScoped
public class AgentTrainer {

    private static final Logger LOG = Logger.getLogger(AgentTrainer.class);

    private final FinetuneConfig config;
    private final ExampleStore examples;
    private final JobStore jobs;
    private final ModelRegistry registry;
    private final OpenAiFineTuningClient client;
    private final JobCompletion completion;

    public AgentTrainer(FinetuneConfig config, ExampleStore examples, JobStore jobs, ModelRegistry registry,
            OpenAiFineTuningClient client, JobCompletion completion) {
        this.config = config;
        this.examples = examples;
        this.jobs = jobs;
        this.registry = registry;
        this.client = client;
        this.completion = completion;
    }

    /** Trains the trainee in the round; a pooled job starts from its first agent's (base or last) model. */
    public AgentOutcome train(Trainee trainee, int round) {
        String agent = trainee.key();
        Optional<Document> last = registry.latest(trainee.lead(), Integer.MAX_VALUE);
        boolean continuing = config.continueMode() && last.isPresent();
        String from = continuing ? last.get().getString("model") : config.baseModelOf(trainee.lead());
        TrainingFile file = TrainingFile.of(examples.examples(trainee, continuing), config.minExamples());
        jobs.begin(agent, round, continuing ? "continue" : "from-base", from, file.exampleIds());
        if (!trainee.ownExamples()) {
            jobs.update(agent, round, Updates.set("serves", trainee.agentIds()), Updates.set("sources", trainee.sources()),
                    Updates.set("origins", trainee.origins().stream().sorted().toList()));
        }
        if (!file.rejected().isEmpty()) {
            jobs.update(agent, round, Updates.set("rejected", new Document(new LinkedHashMap<String, Object>(file.rejected()))));
        }
        if (!file.valid()) {
            return completion.end(agent, round, "skipped", file.problem());
        }
        return guarded(agent, round, () -> {
            String suffix = Suffixes.of(agent, round);
            String fileId = client.uploadTrainingFile(suffix + ".jsonl", file.jsonl());
            jobs.update(agent, round, Updates.set("trainingFile", fileId), Updates.set("suffix", suffix),
                    Updates.set("status", "uploaded"));
            FineTuningJob job = client.createJob(fileId, from, suffix, JobHyperparameters.from(config),
                    config.seed());
            jobs.update(agent, round, Updates.set("jobId", job.id()), Updates.set("status", job.status()));
            LOG.infof("round %d: fine-tuning job %s for %s on %d examples from %s", round, job.id(), agent,
                    file.exampleIds().size(), from);
            return completion.follow(trainee, round, job, from, file.exampleIds());
        });
    }

    /**
     * Takes up the agent's part of a round a stopped instance left unfinished: a created job is
     * followed to its end; one interrupted before its job was created is recorded as an error (its
     * examples stay untrained, so a later round trains them; an uploaded file is left unused).
     */
    public AgentOutcome resume(Trainee trainee, int round) {
        String agent = trainee.key();
        Optional<Document> record = jobs.find(agent, round);
        if (record.isEmpty()) {
            jobs.begin(agent, round, config.mode(), config.baseModelOf(trainee.lead()), List.of());
            return completion.end(agent, round, "error", "interrupted by a stop before its job was prepared");
        }
        Document job = record.get();
        if (job.get("finishedAt") != null) {
            return "succeeded".equals(job.getString("status")) ? AgentOutcome.TRAINED : AgentOutcome.NOT_TRAINED;
        }
        String jobId = job.getString("jobId");
        if (jobId == null) {
            return completion.end(agent, round, "error", "interrupted by a stop before its fine-tuning job was created"
                    + " (status " + job.getString("status") + (job.get("trainingFile") == null ? ""
                    : ", file " + job.getString("trainingFile") + " uploaded") + "); its examples stay untrained");
        }
        List<String> ids = job.getList("exampleIds", String.class, List.of());
        LOG.infof("round %d: following job %s of %s again after a restart", round, jobId, agent);
        return guarded(agent, round, () -> completion.follow(trainee, round,
                new FineTuningJob(jobId, "resuming", job.getString("model"), null, job.getString("trainingFile"),
                        null, null, null), job.getString("model"), ids));
    }

    private AgentOutcome guarded(String agent, int round, Step step) {
        try {
            return step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgentOutcome.INTERRUPTED;
        } catch (CallInterruptedException e) {
            return AgentOutcome.INTERRUPTED;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return AgentOutcome.INTERRUPTED;
            }
            return completion.end(agent, round, "error", client.redact(String.valueOf(e.getMessage())));
        }
    }

    @FunctionalInterface
    private interface Step {
        AgentOutcome run() throws InterruptedException;
    }
}
