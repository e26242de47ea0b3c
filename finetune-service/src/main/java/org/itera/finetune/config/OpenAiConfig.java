package org.itera.finetune.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The OpenAI-compatible endpoint, shared with the generator ({@code itera.llm.*}). */
@ConfigMapping(prefix = "itera.llm")
public interface OpenAiConfig {

    /** Base URL ending in {@code /v1}. */
    String baseUrl();

    /** Never logged, sent anywhere but the endpoint, or stored. */
    Optional<String> apiKey();

    /** The generator's default model. */
    String model();
}
