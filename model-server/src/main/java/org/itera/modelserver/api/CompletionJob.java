package org.itera.modelserver.api;

import org.itera.modelserver.llama.Completion;
import org.itera.modelserver.llama.LoadedModel;
import org.itera.modelserver.llama.Prompt;
import org.itera.modelserver.llama.Sampling;

import java.util.function.Consumer;

/**
 * One accepted request: the model, the rendered prompt and the sampling of each choice. Choice i
 * uses seed + i, so n choices with one seed differ from each other and are still repeatable.
 */
record CompletionJob(String id, long created, String modelName, ChatRequest request, LoadedModel model,
                     Prompt prompt, Sampling sampling) {

    /** Choice {@code choice}, its text handed to {@code onText} as it is decoded. */
    Completion run(int choice, Consumer<String> onText) {
        return model.generate(prompt, samplingOf(choice), onText);
    }

    /** Choice {@code choice}, whole. */
    Completion runWhole(int choice) {
        return model.complete(prompt, samplingOf(choice));
    }

    private Sampling samplingOf(int choice) {
        return sampling.withSeed(sampling.seed() == null ? null : sampling.seed() + choice);
    }
}
