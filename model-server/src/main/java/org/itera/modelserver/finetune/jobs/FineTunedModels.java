package org.itera.modelserver.finetune.jobs;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.finetune.store.DataDir;
import org.itera.modelserver.llama.ModelCatalog;
import org.itera.modelserver.llama.ServedModel;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The models fine-tuning produced: {@code models/<job-id>.gguf}, served as
 * {@code ft:<root-model>:itera:<suffix>:<last 8 characters of the job id>} (OpenAI's
 * {@code ft:model:org:suffix:id} with "itera" as the organization). Fine-tuning a fine-tuned model
 * names the new one after the same root base model.
 */
@ApplicationScoped
public class FineTunedModels {

    public static final String ORGANIZATION = "itera";
    private static final Logger LOG = Logger.getLogger(FineTunedModels.class);

    private final DataDir data;
    private final ModelCatalog catalog;
    private final JobStore jobs;

    public FineTunedModels(DataDir data, ModelCatalog catalog, JobStore jobs) {
        this.data = data;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    void onStart(@Observes @Priority(JobStore.STARTUP_PRIORITY + 10) StartupEvent event) {
        int count = 0;
        for (Job job : jobs.oldestFirst()) {
            if (JobStatus.SUCCEEDED.equals(job.status())) {
                if (Files.isRegularFile(fileOf(job.id()))) {
                    serve(job);
                    count++;
                } else {
                    LOG.warnf("the model of job %s (%s) is missing from %s", job.id(), job.fineTunedModel(),
                            data.models());
                }
            }
        }
        LOG.infof("%d fine-tuned models served from %s", count, data.models());
    }

    public Path fileOf(String jobId) {
        return data.models().resolve(jobId + ".gguf");
    }

    /** Makes a succeeded job's model servable. */
    public void serve(Job job) {
        catalog.register(new ServedModel(job.fineTunedModel(), fileOf(job.id()), job.finishedAt(), job.baseModel(),
                rootOf(job.baseModel())));
    }

    /** Takes back a model whose job did not end as succeeded after all (cancelled at the last moment). */
    public void unserve(String modelId, String jobId) {
        catalog.unregister(modelId);
        DataDir.deleteQuietly(fileOf(jobId));
    }

    public static String idFor(String baseModel, String suffix, String jobId) {
        return "ft:" + rootOf(baseModel) + ":" + ORGANIZATION + ":" + (suffix == null ? "" : suffix) + ":"
                + jobId.substring(Math.max(0, jobId.length() - 8));
    }

    /** The base model at the root of a model id: the id itself unless it is a fine-tuned one. */
    public static String rootOf(String modelId) {
        if (modelId == null || !modelId.startsWith("ft:")) {
            return modelId;
        }
        String rest = modelId.substring(3);
        // drop ":<id>", ":<suffix>" and ":itera"; neither holds a colon
        for (int i = 0; i < 3 && rest.lastIndexOf(':') >= 0; i++) {
            rest = rest.substring(0, rest.lastIndexOf(':'));
        }
        return rest;
    }
}
