package org.itera.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenAI-compatible chat model client per distinct agent settings, built on first use through
 * quarkus-langchain4j-openai and kept. Retries are ours ({@link RetryPolicy}), so the client's own
 * are off.
 */
@ApplicationScoped
public class ChatModels {

    /** Sent when no key is configured: local servers ignore it, and the client requires one. */
    static final String NO_KEY = "no-key";

    private final LlmConfig config;
    private final Map<AgentSettings, ChatModel> models = new ConcurrentHashMap<>();

    public ChatModels(LlmConfig config) {
        this.config = config;
    }

    public ChatModel forSettings(AgentSettings settings) {
        return models.computeIfAbsent(settings, this::build);
    }

    private ChatModel build(AgentSettings settings) {
        return OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey().orElse(NO_KEY))
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
