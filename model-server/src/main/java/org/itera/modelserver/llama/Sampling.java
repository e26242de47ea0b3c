package org.itera.modelserver.llama;

import java.util.List;

/**
 * How to sample one completion. {@code temperature} 0 is greedy decoding; {@code seed} null lets
 * llama.cpp pick one.
 */
public record Sampling(int maxTokens, float temperature, float topP, List<String> stop, Integer seed) {

    public Sampling withSeed(Integer newSeed) {
        return new Sampling(maxTokens, temperature, topP, stop, newSeed);
    }
}
