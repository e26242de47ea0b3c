package org.itera.modelserver.finetune.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.finetune.store.DataDir;
import org.itera.modelserver.finetune.trainer.TrainerRequest;
import org.itera.modelserver.llama.ModelCatalog;
import org.itera.modelserver.llama.ServedModel;

import java.nio.file.Path;

/**
 * Builds the trainer's arguments of a job: the learning rate is {@code learning_rate_multiplier}
 * times the configured base rate; steps, threads and the GGUF type come from the configuration.
 */
@ApplicationScoped
public class TrainerRequests {

    private final ModelCatalog catalog;
    private final ModelServerConfig config;
    private final DataDir data;

    public TrainerRequests(ModelCatalog catalog, ModelServerConfig config, DataDir data) {
        this.catalog = catalog;
        this.config = config;
        this.data = data;
    }

    /** The served model the job trains from, or null if it is not served (any more). */
    ServedModel base(Job job) {
        return catalog.describe(job.baseModel()).orElse(null);
    }

    TrainerRequest of(Job job, ServedModel base, Path trainFile, Path output) {
        ModelServerConfig.TrainerConfig trainer = config.trainer();
        Hyperparameters hyper = job.hyperparameters();
        Path prompts = trainer.referencePrompts().filter(p -> !p.isBlank()).map(Path::of).orElse(null);
        return new TrainerRequest(base.file(), trainFile, output, hyper.nEpochs(),
                hyper.learningRateMultiplier() * trainer.baseLearningRate(), hyper.batchSize(), job.seed(),
                trainer.maxSteps().orElse(null), trainer.threads().orElse(config.threads()), trainer.outtype(),
                prompts, prompts == null ? null : referenceOut(job.id()));
    }

    /** Where the trainer writes its greedy answers to the reference prompts for a job. */
    public Path referenceOut(String jobId) {
        return data.reference().resolve(jobId + ".jsonl");
    }
}
