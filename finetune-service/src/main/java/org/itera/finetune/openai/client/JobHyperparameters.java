package org.itera.finetune.openai.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.itera.finetune.config.FinetuneConfig;

/**
 * The {@code hyperparameters} of a fine-tuning job; each one left empty is chosen by the API
 * (OpenAI's "auto").
 */
public record JobHyperparameters(Optional<Integer> epochs, Optional<Double> learningRateMultiplier,
        Optional<Integer> batchSize) {

    public static JobHyperparameters from(FinetuneConfig config) {
        return new JobHyperparameters(config.epochs(), config.learningRateMultiplier(), config.batchSize());
    }

    public boolean isEmpty() {
        return epochs.isEmpty() && learningRateMultiplier.isEmpty() && batchSize.isEmpty();
    }

    /** Adds {@code hyperparameters} to a job request when any is set. */
    void addTo(ObjectNode body) {
        if (isEmpty()) {
            return;
        }
        ObjectNode node = body.putObject("hyperparameters");
        epochs.ifPresent(n -> node.put("n_epochs", n));
        learningRateMultiplier.ifPresent(m -> node.put("learning_rate_multiplier", m));
        batchSize.ifPresent(n -> node.put("batch_size", n));
    }
}
