package org.itera.modelserver.finetune.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.finetune.files.FileStore;
import org.itera.modelserver.finetune.store.DataDir;
import org.itera.modelserver.finetune.store.Ids;
import org.itera.modelserver.finetune.trainer.TrainerCommand;
import org.itera.modelserver.finetune.trainer.TrainerProcess;
import org.itera.modelserver.finetune.trainer.TrainerRequest;
import org.itera.modelserver.finetune.trainer.TrainerResult;
import org.itera.modelserver.llama.ServedModel;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Runs one queued job: starts the trainer on the base model's GGUF and the training file, turns
 * its progress into events and, on success, moves the new GGUF into {@code models/} and serves it.
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
    private final FineTunedModels fineTuned;
    private final TrainerRequests requests;
    private final ModelServerConfig config;
    private final FineTuneMetrics metrics;
    private volatile Running current;

    public JobExecution(JobStore jobs, FileStore files, DataDir data, FineTunedModels fineTuned,
                        TrainerRequests requests, ModelServerConfig config, FineTuneMetrics metrics) {
        this.jobs = jobs;
        this.files = files;
        this.data = data;
        this.fineTuned = fineTuned;
        this.requests = requests;
        this.config = config;
        this.metrics = metrics;
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
            finish(job, result, request.outputGguf());
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

    private void finish(Job job, TrainerResult result, Path output) throws IOException {
        String id = job.id();
        if (jobs.find(id).map(Job::isFinal).orElse(true)) {
            LOG.infof("fine-tuning job %s ended as %s; its output is discarded", id,
                    jobs.find(id).map(Job::status).orElse("deleted"));
            return;
        }
        if (result.succeeded() && Files.isRegularFile(output)) {
            Path model = fineTuned.fileOf(id);
            DataDir.moveAtomically(output, model);
            String modelId = FineTunedModels.idFor(job.baseModel(), job.suffix(), id);
            long tokens = result.last().number("trained_tokens");
            long now = Ids.now();
            fineTuned.serve(job.succeeded(modelId, tokens, now));
            if (jobs.transition(id, Set.of(JobStatus.RUNNING), j -> j.succeeded(modelId, tokens, now),
                    JobEvent.info("New fine-tuned model created: " + modelId, Map.of("trained_tokens", tokens,
                            "seconds", result.last().decimal("seconds"))),
                    JobEvent.info("The job has successfully completed")).isPresent()) {
                metrics.trained(tokens);
                LOG.infof("fine-tuning job %s succeeded: %s (%d tokens)", id, modelId, tokens);
            } else {
                fineTuned.unserve(modelId, id);
            }
            return;
        }
        JobError error;
        if (result.reportedFailure()) {
            String code = result.last().text("code") == null ? "training_error" : result.last().text("code");
            error = new JobError(code, String.valueOf(result.last().text("message")), TrainerEvents.paramOf(code));
        } else {
            String tail = result.logTail().isBlank() ? "" : ": " + lastLine(result.logTail());
            error = new JobError("training_error", "The trainer exited with code " + result.exitCode()
                    + " without producing a model" + tail, null);
            LOG.warnf("fine-tuning job %s: trainer failed with exit code %d; its last log lines:%n%s", id,
                    result.exitCode(), result.logTail());
        }
        jobs.fail(id, error);
        LOG.infof("fine-tuning job %s failed: %s", id, error.code());
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
