package org.itera.modelserver.api;

import org.itera.modelserver.llama.ChatMessage;

import java.util.List;

/**
 * A validated chat-completion request. Null means "not given": {@code maxTokens} then defaults
 * to what is left of the slot's context, {@code seed} to a random one.
 */
public record ChatRequest(String model, List<ChatMessage> messages, float temperature, float topP,
                          Integer maxTokens, List<String> stop, Integer seed, int n, boolean stream,
                          boolean includeUsage) {
}
