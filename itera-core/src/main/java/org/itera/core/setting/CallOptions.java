package org.itera.core.setting;

/**
 * What an episode sets for one call, over the agent's configured settings: the model (e.g. the
 * one a game seat plays with), the sampling temperature, the most tokens to generate and the
 * sampling seed. Every field may be null: the agent's setting applies (no seed: the server picks).
 */
public record CallOptions(String model, Double temperature, Integer maxTokens, Integer seed) {

    public static final CallOptions NONE = new CallOptions(null, null, null, null);

    public boolean isEmpty() {
        return model == null && temperature == null && maxTokens == null && seed == null;
    }
}
