package org.itera.modelserver.finetune.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.finetune.files.FileStore;
import org.itera.modelserver.finetune.store.DataDir;
import org.itera.modelserver.finetune.trainer.TrainerCommand;
import org.itera.modelserver.finetune.trainer.TrainerProcess;
import org.itera.modelserver.finetune.trainer.TrainerRequest;
import org.itera.modelserver.finetune.trainer.TrainerResult;
import org.itera.modelserver.llama.ServedModel;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Runs one queued job: starts the trainer on the base model's GGUF and the training file, turns
 * its progress into events and hands the result to {@link JobOutcome}.
 * The trainer writes into {@code work/<job-id>/}, which is removed whatever the outcome.
 */
@ApplicationScoped
public class JobExecution {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);

    private record Running(String jobId, TrainerProcess process) {
    }

    private final JobStore jobs;
    private final FileStore files;
    private final DataDir data;
    private final TrainerRequests requests;
    private final JobOutcome outcome;
    private final ModelServerConfig config;
    private volatile Running current;

    public JobExecution(JobStore jobs, FileStore files, DataDir data, TrainerRequests requests, JobOutcome outcome,
                        ModelServerConfig config) {
        this.jobs = jobs;
        this.files = files;
        this.data = data;
        this.requests = requests;
        this.outcome = outcome;
        this.config = config;
    }

    void run(String id) throws IOException, InterruptedException {
        Job job = jobs.find(id).filter(j -> j.status().equals(JobStatus.QUEUED)).orElse(null);
        if (job == null) {
            return;
        }
        ServedModel base = requests.base(job);
        if (base == null) {
            jobs.fail(id, new JobError("model_not_found", "The base model '" + job.model() + "' is no longer served",
                    "model"));
            return;
        }
        Path trainFile = files.content(job.trainingFile());
        if (!Files.isRegularFile(trainFile)) {
            jobs.fail(id, new JobError("invalid_training_file", "The training file " + job.trainingFile()
                    + " was deleted", "training_file"));
            return;
        }
        Path work = data.work().resolve(id);
        DataDir.deleteQuietly(work);
        Files.createDirectories(work);
        try {
            TrainerRequest request = requests.of(job, base, trainFile, work.resolve("model.gguf"));
            if (jobs.transition(id, Set.of(JobStatus.QUEUED), j -> j.withStatus(JobStatus.RUNNING),
                    JobEvent.info("Fine-tuning job started")).isEmpty()) {
                return;
            }
            TrainerProcess process;
            try {
                process = TrainerProcess.start(id, TrainerCommand.of(config.trainer().command(), request));
            } catch (IOException e) {
                jobs.fail(id, new JobError("training_error", "cannot start the trainer " + config.trainer().command()
                        + " (" + e.getMessage() + "); run scripts/setup-trainer.sh or set ITERA_TRAINER_PYTHON", null));
                return;
            }
            LOG.infof("fine-tuning job %s: trainer started (pid %d) on %s", id, process.pid(), base.id());
            current = new Running(id, process);
            if (jobs.find(id).map(Job::isFinal).orElse(true)) {
                process.stop(config.trainer().stopTimeout()); // cancelled while it was starting
            }
            TrainerResult result = process.await(event -> {
                JobEvent jobEvent = TrainerEvents.of(event);
                if (jobEvent != null) {
                    jobs.event(id, JobStatus.RUNNING, jobEvent);
                }
            });
            outcome.record(job, result, request.outputGguf());
        } finally {
            current = null;
            DataDir.deleteQuietly(work);
        }
    }

    /** Stops the trainer of {@code jobId} if it is the one running; waits until it is gone. */
    void stop(String jobId) {
        Running running = current;
        if (running != null && running.jobId().equals(jobId)) {
            running.process().stop(config.trainer().stopTimeout());
        }
    }

    /** The pid of the trainer now running, if any. */
    public Long runningPid() {
        Running running = current;
        return running == null ? null : running.process().pid();
    }
}
