package org.itera.core.event;

/** Tokens an LLM call consumed, as the endpoint reported them. */
public record TokenUsage(int promptTokens, int completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
