package org.itera.modelserver.finetune.jobs;

/** A validated create-job request; null hyperparameters and seed mean "auto". */
public record JobSpec(String trainingFile, String model, String suffix, Integer seed, Integer nEpochs,
                      Integer batchSize, Double learningRateMultiplier) {
}
