package org.itera.modelserver.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.itera.modelserver.finetune.files.StoredFile;
import org.itera.modelserver.finetune.jobs.FineTunedModels;
import org.itera.modelserver.finetune.jobs.Hyperparameters;
import org.itera.modelserver.finetune.jobs.Job;
import org.itera.modelserver.finetune.jobs.JobEvent;
import org.itera.modelserver.finetune.jobs.JobStatus;
import org.itera.modelserver.finetune.jobs.JobStore;
import org.itera.modelserver.finetune.store.DataDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A server started on a data directory a previous run left behind: a training file, a succeeded
 * job with its model, a job that was running and one that was queued when that run stopped, and a
 * cancelled one. The state is written with the server's own storage classes and format.
 */
public class RestartProfile implements QuarkusTestProfile {

    static final String FILE = "file-restartedRESTARTEDrestart1";
    static final String SUCCEEDED = "ftjob-restartSUCCEEDEDjob00001";
    static final String RUNNING = "ftjob-restartRUNNINGjob000000002";
    static final String QUEUED = "ftjob-restartQUEUEDjob0000000003";
    static final String CANCELLED = "ftjob-restartCANCELLEDjob000004";
    static final String BASE = SmolLm2ModelResource.MODEL_ID;
    static final String MODEL = FineTunedModels.idFor(BASE, "before", SUCCEEDED);
    static final String CONTENT = TrainingData.arithmetic(3, "");

    @Override
    public Map<String, String> getConfigOverrides() {
        Path data = FakeTrainerProfile.freshDir("restart-data");
        if (!Files.exists(data.resolve("jobs"))) {
            leaveBehind(new DataDir(data));
        }
        return Map.of("itera.model-server.data-dir", data.toString(),
                "itera.model-server.trainer.command", "bash," + FakeTrainerProfile.script() + ","
                        + FakeTrainerProfile.freshDir("restart-runs"));
    }

    private static void leaveBehind(DataDir data) {
        try {
            long now = System.currentTimeMillis() - 60_000;
            Files.writeString(data.files().resolve(FILE + ".jsonl"), CONTENT);
            data.writeJson(data.files().resolve(FILE + ".json"),
                    new StoredFile(FILE, CONTENT.length(), now / 1000, "before.jsonl", "fine-tune"));
            Files.copy(SmolLm2ModelResource.modelFile(), data.models().resolve(SUCCEEDED + ".gguf"));
            store(data, job(SUCCEEDED, now, JobStatus.SUCCEEDED, "before")
                    .succeeded(MODEL, 1234, now / 1000 + 30), JobEvent.info("The job has successfully completed"));
            store(data, job(RUNNING, now + 1, JobStatus.RUNNING, "was-running"),
                    JobEvent.info("Fine-tuning job started"),
                    JobEvent.metrics("Step 1/9: training loss=2.0000", Map.of("step", 1, "total_steps", 9,
                            "train_loss", 2.0)));
            store(data, job(QUEUED, now + 2, JobStatus.QUEUED, "was-queued"),
                    JobEvent.info("Files validated, moving job to queued state"));
            store(data, job(CANCELLED, now + 3, JobStatus.CANCELLED, "was-cancelled").cancelled(now / 1000 + 5),
                    JobEvent.info("Fine-tuning job cancelled"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Job job(String id, long millis, String status, String suffix) {
        return new Job(id, "smollm2-135m", BASE, millis / 1000, millis, null, null, status, FILE,
                new Hyperparameters(1, 4, 1.0), null, null, 42, suffix);
    }

    private static void store(DataDir data, Job job, JobEvent... events) {
        data.writeJson(data.jobs().resolve(job.id() + ".json"), new JobStore.Stored(job, List.of(events)));
    }
}
