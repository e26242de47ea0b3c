package org.itera.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.setting.CallOptions;
import org.itera.core.setting.TurnRequest;
import org.itera.core.team.AgentCaller;
import org.jboss.logging.Logger;

/**
 * Makes agent turns over the OpenAI-compatible API: picks the agent's model, calls, retries what
 * is worth retrying, and records the turn with the model that answered, its usage and latency. A
 * turn request's {@link CallOptions} (a game seat's model, its temperature, token limit and seed)
 * apply over the agent's settings for that call.
 */
@ApplicationScoped
public class OpenAiAgentCaller implements AgentCaller {

    private static final Logger LOG = Logger.getLogger(OpenAiAgentCaller.class);

    private final ModelSelector selector;
    private final ChatModels models;
    private final LlmMetrics metrics;
    private final LlmConfig config;
    private final RetryPolicy retry;

    public OpenAiAgentCaller(ModelSelector selector, ChatModels models, LlmMetrics metrics, LlmConfig config) {
        this.selector = selector;
        this.models = models;
        this.metrics = metrics;
        this.config = config;
        this.retry = RetryPolicy.from(config.retry());
    }

    @Override
    public Turn call(String agentId, String role, List<ChatMessage> messages) {
        return callWith(agentId, selector.settingsFor(agentId), role, messages);
    }

    @Override
    public Turn call(TurnRequest request) {
        return withModels(null).call(request);
    }

    /**
     * A caller for one task that uses {@code perTask}'s model for each agent it names and the
     * current model for the others (and, for a request with options, those over both).
     */
    public AgentCaller withModels(Map<String, String> perTask) {
        Map<String, String> models = perTask == null ? Map.of() : Map.copyOf(perTask);
        return new AgentCaller() {
            @Override
            public Turn call(String agentId, String role, List<ChatMessage> messages) {
                return callWith(agentId, selector.settingsFor(agentId, models), role, messages);
            }

            @Override
            public Turn call(TurnRequest request) {
                CallOptions options = request.options() == null ? CallOptions.NONE : request.options();
                return callWith(request.agentId(), applied(selector.settingsFor(request.agentId(), models), options),
                        request.role(), request.messages(), options.seed());
            }
        };
    }

    private static AgentSettings applied(AgentSettings settings, CallOptions options) {
        return new AgentSettings(options.model() != null ? options.model() : settings.model(),
                options.temperature() != null ? options.temperature() : settings.temperature(),
                options.maxTokens() != null ? options.maxTokens() : settings.maxTokens());
    }

    /** Makes the turn with explicit settings, e.g. a critic's or a repair step's own model. */
    public Turn callWith(String agentId, AgentSettings settings, String role, List<ChatMessage> messages) {
        return callWith(agentId, settings, role, messages, null);
    }

    /** Makes the turn with explicit settings and a sampling seed (null: none sent). */
    public Turn callWith(String agentId, AgentSettings settings, String role, List<ChatMessage> messages,
            Integer seed) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                ChatResponse response = models.forSettings(settings).chat(request(messages, seed));
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                return record(agentId, role, messages, settings, response, latency);
            } catch (RuntimeException e) {
                String reason = Secrets.redact(describe(e), config.apiKey());
                if (RetryPolicy.isInterruption(e)) {
                    // the service is stopping: say so to the caller, keep the thread's flag
                    Thread.currentThread().interrupt();
                    throw new LlmCallException("LLM call for agent " + agentId + " interrupted",
                            new InterruptedException(reason));
                }
                if (!RetryPolicy.isRetryable(e) || attempt >= retry.maxAttempts()) {
                    metrics.failed(agentId, settings.model());
                    throw new LlmCallException("LLM call for agent " + agentId + " (model " + settings.model()
                            + ") failed after " + attempt + " attempt(s): " + reason, null);
                }
                metrics.retried(agentId, settings.model());
                Duration retryAfter = RetryPolicy.retryAfterOf(e);
                Duration pause = retry.pauseAfter(attempt, e);
                LOG.warnf("LLM call for %s failed (attempt %d of %d), retrying in %d ms%s: %s",
                        agentId, attempt, retry.maxAttempts(), pause.toMillis(),
                        retryAfter == null ? "" : " (Retry-After " + retryAfter.toMillis() + " ms)", reason);
                sleep(pause);
            }
        }
    }

    private Turn record(String agentId, String role, List<ChatMessage> messages, AgentSettings settings,
            ChatResponse response, Duration latency) {
        TokenUsage usage = response.tokenUsage() == null ? TokenUsage.NONE
                : new TokenUsage(orZero(response.tokenUsage().inputTokenCount()),
                        orZero(response.tokenUsage().outputTokenCount()));
        String model = response.modelName() != null ? response.modelName() : settings.model();
        String output = response.aiMessage() == null || response.aiMessage().text() == null
                ? "" : response.aiMessage().text();
        metrics.succeeded(agentId, settings.model(), usage, latency);
        return new Turn(role, model, messages, output, usage, latency.toMillis());
    }

    private static ChatRequest request(List<ChatMessage> messages, Integer seed) {
        ChatRequest.Builder request = ChatRequest.builder().messages(toLangChain(messages));
        if (seed != null) {
            request.parameters(OpenAiChatRequestParameters.builder().seed(seed).build());
        }
        return request.build();
    }

    private static List<dev.langchain4j.data.message.ChatMessage> toLangChain(List<ChatMessage> messages) {
        return messages.stream().map(OpenAiAgentCaller::toLangChain).toList();
    }

    private static dev.langchain4j.data.message.ChatMessage toLangChain(ChatMessage message) {
        return switch (message.role()) {
            case "system" -> SystemMessage.from(message.content());
            case "assistant" -> AiMessage.from(message.content());
            default -> UserMessage.from(message.content());
        };
    }

    private static String describe(Throwable e) {
        String status = RetryPolicy.statusOf(e).stream().mapToObj(s -> "HTTP " + s + ": ").findFirst().orElse("");
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : root.toString();
        return status + e.getClass().getSimpleName() + ": " + truncate(message, 300);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCallException("interrupted while waiting to retry", e);
        }
    }
}
