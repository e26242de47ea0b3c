package org.itera.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import org.itera.feedback.config.RepairConfig;
import org.itera.llm.AgentSettings;
import org.itera.llm.ModelSelector;

/**
 * The settings of each repair step for an agent: its configured step model if any, else (for the
 * critic) the global critic model, else the agent's own current model.
 */
@ApplicationScoped
public class RepairModels {

    private final ModelSelector selector;
    private final RepairConfig config;

    public RepairModels(ModelSelector selector, RepairConfig config) {
        this.selector = selector;
        this.config = config;
    }

    public AgentSettings critic(String agentId) {
        return step(agentId, RepairConfig.AgentModels::criticModel, config.criticModel());
    }

    public AgentSettings regenerate(String agentId) {
        return step(agentId, RepairConfig.AgentModels::regenerateModel, Optional.empty());
    }

    public AgentSettings rephrase(String agentId) {
        return step(agentId, RepairConfig.AgentModels::rephraseModel, Optional.empty());
    }

    private AgentSettings step(String agentId, Function<RepairConfig.AgentModels, Optional<String>> own,
            Optional<String> fallback) {
        AgentSettings agent = selector.settingsFor(agentId);
        RepairConfig.AgentModels models = config.agents().get(agentId);
        String model = Optional.ofNullable(models).flatMap(own).or(() -> fallback.filter(m -> !m.isBlank()))
                .orElse(agent.model());
        return new AgentSettings(model, agent.temperature(), agent.maxTokens());
    }
}
