package org.itera.modelserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Settings of the model-server ({@code itera.model-server.*}); env-var defaults live in application.properties. */
@ConfigMapping(prefix = "itera.model-server")
public interface ModelServerConfig {

    /** Directory whose {@code *.gguf} files are served. */
    String modelsDir();

    /** CPU threads llama.cpp uses per model (generation and prompt processing). */
    @WithDefault("2")
    int threads();

    /** Context size in tokens of each model, shared by its parallel slots. */
    @WithDefault("4096")
    int ctx();

    /** Sequences decoded together per model (llama.cpp slots, continuous batching). */
    @WithDefault("4")
    int parallel();

    /** Requests per model allowed to wait for a free slot; beyond that the answer is 503. */
    @WithDefault("64")
    int queue();

    /** Value of the Retry-After header sent with 503. */
    @WithDefault("2")
    int retryAfterSeconds();

    /** Extra names accepted for a model: alias to model id (file name without .gguf). */
    Map<String, String> aliases();

    /** Tokens each slot may hold (prompt plus completion). */
    default int slotContext() {
        return ctx() / Math.max(1, parallel());
    }
}
