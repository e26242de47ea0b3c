package org.itera.modelserver.llama;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of llama-server's {@code POST /completion} for a prompt and its sampling: the prompt
 * as tokens (it is not tokenized again, and no BOS is added twice), the token budget, temperature,
 * top_p, stop strings and seed; every other sampler keeps llama.cpp's default.
 */
final class CompletionBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompletionBody() {
    }

    static ObjectNode of(Prompt prompt, Sampling sampling, boolean cachePrompt) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode ids = body.putArray("prompt");
        prompt.ids().forEach(ids::add);
        body.put("n_predict", sampling.maxTokens())
                .put("temperature", sampling.temperature())
                .put("top_p", sampling.topP())
                .put("cache_prompt", cachePrompt);
        if (!sampling.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            sampling.stop().forEach(stop::add);
        }
        if (sampling.seed() != null) {
            body.put("seed", sampling.seed());
        }
        return body;
    }
}
