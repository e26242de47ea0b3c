package org.itera.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-agent settings ({@code itera.llm.agents.<agent>.*}): library-shots is off unless set; an
 * environment variable sets an agent's settings although it cannot spell the dash of its id.
 */
class AgentConfigsTest {

    static final Map<String, String> BASE = Map.of("itera.llm.base-url", "http://localhost/v1", "itera.llm.model", "m",
            "itera.llm.agents.physics-physicist.model", "ft:x");

    static LlmConfig config(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(LlmConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(BASE, "test", 100), new EnvConfigSource(env, 300)).build();
        return config.getConfigMapping(LlmConfig.class);
    }

    @Test
    void isOffUnlessSet() {
        assertThat(config(Map.of()).agents().get("physics-physicist").libraryShots()).isZero();
    }

    @Test
    void anEnvironmentVariableSetsTheModelOfAnAgentTooAndAPropertyWinsOverNothing() {
        LlmConfig config = config(Map.of("ITERA_LLM_AGENTS__ARITHMETIC_CALCULATOR__MODEL", "ft:calc"));

        assertThat(new ModelSelector(config).settingsFor("arithmetic-calculator").model()).isEqualTo("ft:calc");
        assertThat(new ModelSelector(config).settingsFor("physics-physicist").model()).isEqualTo("ft:x");
        assertThat(new ModelSelector(config).settingsFor("arithmetic-reporter").model()).isEqualTo("m");
    }

    @Test
    void isSetPerAgentByAnEnvironmentVariable() {
        LlmConfig config = config(Map.of("ITERA_LLM_AGENTS__ARITHMETIC_CALCULATOR__LIBRARY_SHOTS", "2"));

        assertThat(AgentConfigs.find(config, "arithmetic-calculator")).get().extracting(LlmConfig.Agent::libraryShots)
                .isEqualTo(2);
        assertThat(AgentConfigs.find(config, "arithmetic-reporter")).isEmpty();
    }
}
