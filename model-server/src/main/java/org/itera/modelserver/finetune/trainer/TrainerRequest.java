package org.itera.modelserver.finetune.trainer;

import java.nio.file.Path;

/** What one training run gets: files, hyperparameters (learning rate already multiplied out) and limits. */
public record TrainerRequest(Path baseGguf, Path trainFile, Path outputGguf, int epochs, double learningRate,
                             int batchSize, int seed, Integer maxSteps, int threads, String outtype,
                             Path referencePrompts, Path referenceOut) {
}
