package org.itera.modelserver.finetune.jobs;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.finetune.files.FileStore;
import org.itera.modelserver.llama.ModelCatalog;
import org.itera.modelserver.llama.ServedModel;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Moves jobs along: a validation thread checks the training file and resolves the base model
 * (validating_files to queued), and a single training thread runs queued jobs one at a time in
 * the order they were queued.
 */
@ApplicationScoped
public class JobQueue {

    private static final Logger LOG = Logger.getLogger(JobQueue.class);

    private final JobStore jobs;
    private final FileStore files;
    private final ModelCatalog catalog;
    private final JobExecution execution;
    private final ExecutorService validator = Executors.newSingleThreadExecutor(daemon("finetune-validator"));
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(daemon("finetune-trainer"));

    public JobQueue(JobStore jobs, FileStore files, ModelCatalog catalog, JobExecution execution) {
        this.jobs = jobs;
        this.files = files;
        this.catalog = catalog;
        this.execution = execution;
    }

    void onStop(@Observes ShutdownEvent event) {
        validator.shutdownNow();
        trainer.shutdownNow();
        jobs.all().stream().filter(j -> j.status().equals(JobStatus.RUNNING)).forEach(j -> execution.stop(j.id()));
    }

    /** Validates a job in status validating_files, then queues it for training. */
    public void validate(String id) {
        validator.execute(() -> guarded(id, () -> validateNow(id)));
    }

    /** Stops the trainer of a running job (after its status was set to cancelled). */
    public void stopTrainer(String id) {
        execution.stop(id);
    }

    private void validateNow(String id) {
        Job job = jobs.find(id).filter(j -> j.status().equals(JobStatus.VALIDATING_FILES)).orElse(null);
        if (job == null) {
            return;
        }
        if (files.find(job.trainingFile()).isEmpty()) {
            jobs.fail(id, new JobError("invalid_training_file", "The training file " + job.trainingFile()
                    + " does not exist (any more)", "training_file"));
            return;
        }
        Optional<ServedModel> base = catalog.describe(job.model());
        if (base.isEmpty()) {
            jobs.fail(id, new JobError("model_not_found", "The model '" + job.model()
                    + "' is not served here, so it cannot be fine-tuned; GET /v1/models lists the served models",
                    "model"));
            return;
        }
        jobs.transition(id, Set.of(JobStatus.VALIDATING_FILES),
                j -> j.withBaseModel(base.get().id()).withStatus(JobStatus.QUEUED),
                JobEvent.info("Files validated, moving job to queued state"))
                .ifPresent(queued -> trainer.execute(() -> guarded(id, () -> execution.run(id))));
    }

    private interface Step {
        void run() throws Exception;
    }

    private void guarded(String id, Step step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("fine-tuning job %s interrupted (shutting down); it is queued again at the next start", id);
        } catch (Exception | Error e) {
            LOG.errorf(e, "fine-tuning job %s failed unexpectedly", id);
            jobs.fail(id, new JobError("internal_error", "internal error: " + e.getClass().getSimpleName(), null));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
