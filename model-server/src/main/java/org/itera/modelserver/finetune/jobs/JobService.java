package org.itera.modelserver.finetune.jobs;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.finetune.store.Ids;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Creating and cancelling jobs, and picking up the unfinished ones after a restart. */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);
    private static final Set<String> UNFINISHED =
            Set.of(JobStatus.VALIDATING_FILES, JobStatus.QUEUED, JobStatus.RUNNING);

    private final JobStore jobs;
    private final JobQueue queue;
    private final ModelServerConfig config;

    public JobService(JobStore jobs, JobQueue queue, ModelServerConfig config) {
        this.jobs = jobs;
        this.queue = queue;
        this.config = config;
    }

    /** A job found unfinished at start (the server stopped under it) is validated and queued again. */
    void onStart(@Observes @Priority(JobStore.STARTUP_PRIORITY + 20) StartupEvent event) {
        for (Job job : jobs.oldestFirst()) {
            if (UNFINISHED.contains(job.status())) {
                String was = job.status();
                jobs.transition(job.id(), UNFINISHED, j -> j.withStatus(JobStatus.VALIDATING_FILES),
                        JobEvent.warn("The server restarted while the job was " + was + "; the job is queued again"));
                LOG.infof("fine-tuning job %s was %s when the server stopped; queued again", job.id(), was);
                queue.validate(job.id());
            }
        }
    }

    public Job create(JobSpec spec) {
        ModelServerConfig.TrainerConfig trainer = config.trainer();
        Hyperparameters hyper = new Hyperparameters(
                spec.nEpochs() == null ? trainer.defaultEpochs() : spec.nEpochs(),
                spec.batchSize() == null ? trainer.defaultBatchSize() : spec.batchSize(),
                spec.learningRateMultiplier() == null ? 1.0 : spec.learningRateMultiplier());
        int seed = spec.seed() == null ? ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) : spec.seed();
        long millis = System.currentTimeMillis();
        Job job = new Job(Ids.next("ftjob-"), spec.model(), null, millis / 1000, millis, null, null,
                JobStatus.VALIDATING_FILES, spec.trainingFile(), hyper, null, null, seed, spec.suffix());
        jobs.add(job, JobEvent.info("Created fine-tuning job: " + job.id()),
                JobEvent.info("Validating training file: " + spec.trainingFile()));
        queue.validate(job.id());
        return job;
    }

    /**
     * Cancels an unfinished job; a running one's trainer is stopped before this returns. Empty if
     * the job does not exist; the job unchanged if it had already finished.
     */
    public Optional<Job> cancel(String id) {
        Optional<Job> before = jobs.find(id);
        if (before.isEmpty() || before.get().isFinal()) {
            return before;
        }
        Optional<Job> cancelled = jobs.transition(id, UNFINISHED, j -> j.cancelled(Ids.now()),
                JobEvent.info("Fine-tuning job cancelled"));
        if (cancelled.isEmpty()) {
            return jobs.find(id); // it finished in the meantime
        }
        queue.stopTrainer(id); // does nothing unless this job's trainer is the one running
        return cancelled;
    }
}
