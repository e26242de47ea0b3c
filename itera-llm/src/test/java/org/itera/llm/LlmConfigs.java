package org.itera.llm;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@link LlmConfig}s for the tests, built as Quarkus builds them from properties and environment variables. */
public final class LlmConfigs {

    static final Map<String, String> BASE = Map.of("itera.llm.base-url", "http://localhost/v1", "itera.llm.model", "m",
            "itera.llm.agents.physics-physicist.model", "ft:x");

    private LlmConfigs() {
    }

    /** The base properties (one agent with a model of its own) and these environment variables. */
    public static LlmConfig withEnv(Map<String, String> env) {
        return build(Map.of(), env);
    }

    /** The base properties and these. */
    public static LlmConfig with(Map<String, String> properties) {
        return build(properties, Map.of());
    }

    private static LlmConfig build(Map<String, String> properties, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(BASE);
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(LlmConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 100), new EnvConfigSource(env, 300)).build();
        return config.getConfigMapping(LlmConfig.class);
    }
}
