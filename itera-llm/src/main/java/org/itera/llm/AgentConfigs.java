package org.itera.llm;

import java.util.Optional;

/**
 * Finds an agent's settings under {@code itera.llm.agents}. An environment variable cannot spell
 * the dash of an agent id: {@code ITERA_LLM_AGENTS__PHYSICS_MATHEMATICIAN__MODEL} arrives as agent
 * {@code physics.mathematician}, so that spelling counts too when the id itself is not configured.
 */
public final class AgentConfigs {

    private AgentConfigs() {
    }

    public static Optional<LlmConfig.Agent> find(LlmConfig config, String agentId) {
        LlmConfig.Agent agent = config.agents().get(agentId);
        if (agent == null && agentId != null) {
            agent = config.agents().get(agentId.replace('-', '.'));
        }
        return Optional.ofNullable(agent);
    }
}
