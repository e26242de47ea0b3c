package org.itera.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks each agent's model and settings: the configured ones, unless a newer model was registered
 * for the agent at run time ({@link #use}), which then applies from the next call on. A task may
 * name models of its own ({@link #settingsFor(String, Map)}); those apply to that task only.
 */
@ApplicationScoped
public class ModelSelector {

    private final LlmConfig config;
    private final Map<String, String> swapped = new ConcurrentHashMap<>();

    public ModelSelector(LlmConfig config) {
        this.config = config;
    }

    public AgentSettings settingsFor(String agentId) {
        LlmConfig.Agent agent = AgentConfigs.find(config, agentId).orElse(null);
        String configured = agent == null ? config.model() : agent.model().orElse(config.model());
        double temperature = agent == null ? config.temperature() : agent.temperature().orElse(config.temperature());
        int maxTokens = agent == null ? config.maxTokens() : agent.maxTokens().orElse(config.maxTokens());
        return new AgentSettings(swapped.getOrDefault(agentId, configured), temperature, maxTokens);
    }

    /** The agent's settings with the task's own model for it, if {@code perTask} names one. */
    public AgentSettings settingsFor(String agentId, Map<String, String> perTask) {
        AgentSettings current = settingsFor(agentId);
        String model = perTask == null ? null : perTask.get(agentId);
        return model == null || model.isBlank() ? current
                : new AgentSettings(model, current.temperature(), current.maxTokens());
    }

    /** Makes {@code model} the agent's model for every later call. */
    public void use(String agentId, String model) {
        swapped.put(agentId, model);
    }

    /** The models set at run time, by agent. */
    public Map<String, String> swappedModels() {
        return Map.copyOf(swapped);
    }
}
