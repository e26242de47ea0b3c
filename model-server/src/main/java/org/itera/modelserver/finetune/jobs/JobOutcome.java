package org.itera.modelserver.finetune.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.itera.modelserver.finetune.store.DataDir;
import org.itera.modelserver.finetune.store.Ids;
import org.itera.modelserver.finetune.trainer.TrainerResult;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Ends a running job from its trainer's result. Success: the GGUF moves into {@code models/}, the
 * model is served, then the job is marked succeeded (so a client that sees "succeeded" can use the
 * model at once). Failure: the trainer's code and message, or a training_error for a crash. A job
 * cancelled meanwhile stays cancelled and its output is dropped.
 */
@ApplicationScoped
public class JobOutcome {

    private static final Logger LOG = Logger.getLogger(JobOutcome.class);

    private final JobStore jobs;
    private final FineTunedModels fineTuned;
    private final FineTuneMetrics metrics;

    public JobOutcome(JobStore jobs, FineTunedModels fineTuned, FineTuneMetrics metrics) {
        this.jobs = jobs;
        this.fineTuned = fineTuned;
        this.metrics = metrics;
    }

    void record(Job job, TrainerResult result, Path output) throws IOException {
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
