package org.itera.llm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.itera.core.event.TokenUsage;

/**
 * Prometheus meters of agent calls: calls by outcome, tokens by kind, latency and demonstrations
 * by agent.
 */
@ApplicationScoped
public class LlmMetrics {

    private final MeterRegistry registry;

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void succeeded(String agentId, String model, TokenUsage usage, Duration latency) {
        registry.counter("itera.llm.calls", "agent", agentId, "model", model, "outcome", "success").increment();
        registry.counter("itera.llm.tokens", "agent", agentId, "kind", "prompt").increment(usage.promptTokens());
        registry.counter("itera.llm.tokens", "agent", agentId, "kind", "completion").increment(usage.completionTokens());
        Timer.builder("itera.llm.latency").tag("agent", agentId).publishPercentileHistogram()
                .register(registry).record(latency);
    }

    /** Library entries one call of the agent got as demonstrations (library-shots). */
    public void demonstrations(String agentId, int count) {
        registry.counter("itera.llm.demonstrations", "agent", agentId).increment(count);
    }

    public void retried(String agentId, String model) {
        registry.counter("itera.llm.calls", "agent", agentId, "model", model, "outcome", "retried").increment();
    }

    public void failed(String agentId, String model) {
        registry.counter("itera.llm.calls", "agent", agentId, "model", model, "outcome", "failed").increment();
    }
}
