package org.itera.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How agents reach their models: one OpenAI-compatible endpoint, a default model and sampling
 * settings, overridable per agent ({@code <subject>-<role>}, e.g. {@code physics-physicist}).
 */
@ConfigMapping(prefix = "itera.llm")
public interface LlmConfig {

    /** Base URL of the OpenAI-compatible API, ending in {@code /v1}. */
    String baseUrl();

    /** API key; empty for local servers that need none. Never logged. */
    Optional<String> apiKey();

    /** Model used by every agent that has no model of its own. */
    String model();

    @WithDefault("0.7")
    double temperature();

    @WithDefault("1024")
    int maxTokens();

    @WithDefault("120s")
    Duration timeout();

    /**
     * HTTP connections to the endpoint: at least the calls the service keeps in flight (each
     * service sets it from its concurrency). Applied by {@link LlmConnectionPool}.
     */
    @WithDefault("50")
    int connections();

    Map<String, Agent> agents();

    Retry retry();

    /** library-shots' experience library feed ({@code itera.llm.library-shots.*}). */
    ShotsFeed libraryShots();

    /** Settings of one agent; each falls back to the global one. */
    interface Agent {
        Optional<String> model();

        Optional<Double> temperature();

        Optional<Integer> maxTokens();

        /**
         * library-shots: each call of the agent gets its k most similar successful library
         * entries (by the task text) as demonstrations; 0, the default, is off.
         */
        @WithDefault("0")
        int libraryShots();
    }

    /** How the experience library is read for library-shots. */
    interface ShotsFeed {
        /**
         * How long, at most, the first tasks with library-shots wait after the feed started for it
         * to have read the library as it was then; later tasks never wait.
         */
        @WithDefault("30s")
        Duration catchUpTimeout();
    }

    /** Retries of calls that failed with 429, 5xx, a timeout or a dropped connection. */
    interface Retry {
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("20s")
        Duration maxBackoff();
    }
}
