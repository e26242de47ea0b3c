package org.itera.llm;

/** The model and sampling settings one agent's call is made with. */
public record AgentSettings(String model, double temperature, int maxTokens) {
}
