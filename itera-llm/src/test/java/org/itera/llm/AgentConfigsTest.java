package org.itera.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-agent settings ({@code itera.llm.agents.<agent>.*}): library-shots is off unless set; an
 * environment variable sets an agent's settings although it cannot spell the dash of its id.
 */
class AgentConfigsTest {

    @Test
    void isOffUnlessSet() {
        assertThat(LlmConfigs.withEnv(Map.of()).agents().get("physics-physicist").libraryShots()).isZero();
    }

    @Test
    void anEnvironmentVariableSetsTheModelOfAnAgentTooAndAPropertyWinsOverNothing() {
        LlmConfig config = LlmConfigs.withEnv(Map.of("ITERA_LLM_AGENTS__ARITHMETIC_CALCULATOR__MODEL", "ft:calc"));

        assertThat(new ModelSelector(config).settingsFor("arithmetic-calculator").model()).isEqualTo("ft:calc");
        assertThat(new ModelSelector(config).settingsFor("physics-physicist").model()).isEqualTo("ft:x");
        assertThat(new ModelSelector(config).settingsFor("arithmetic-reporter").model()).isEqualTo("m");
    }

    @Test
    void isSetPerAgentByAnEnvironmentVariable() {
        LlmConfig config = LlmConfigs.withEnv(Map.of("ITERA_LLM_AGENTS__ARITHMETIC_CALCULATOR__LIBRARY_SHOTS", "2"));

        assertThat(AgentConfigs.find(config, "arithmetic-calculator")).get().extracting(LlmConfig.Agent::libraryShots)
                .isEqualTo(2);
        assertThat(AgentConfigs.find(config, "arithmetic-reporter")).isEmpty();
    }
}
