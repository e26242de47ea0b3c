package org.itera.modelserver.finetune.jobs;

/** The resolved hyperparameters of a job ("auto" already replaced by the defaults). */
public record Hyperparameters(int nEpochs, int batchSize, double learningRateMultiplier) {
}
