package org.itera.finetune.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Rounds, base models, job following and evaluation ({@code itera.finetune.*}). */
@ConfigMapping(prefix = "itera.finetune")
public interface FinetuneConfig {

    /** Untrained examples an agent needs to take part in a round. */
    @WithDefault("10")
    int threshold();

    /**
     * Valid examples a training file needs: 10 is OpenAI's minimum; a local model-server takes
     * fewer ({@code ITERA_FINETUNE_MIN_EXAMPLES}).
     */
    @WithDefault("10")
    int minExamples();

    /** Whether crossing the threshold starts a round by itself. */
    @WithDefault("true")
    boolean auto();

    /** How long an automatic round waits after the crossing, so close arrivals train together. */
    @WithDefault("30s")
    Duration autoDelay();

    /** {@code from-base} (all examples on the base model) or {@code continue} (new ones on the last model). */
    @WithDefault("from-base")
    String mode();

    /** Base model of every agent without one of its own. */
    String baseModel();

    /** {@code n_epochs} of every job; empty lets the API choose. */
    Optional<Integer> epochs();

    /** {@code learning_rate_multiplier} of every job; empty lets the API choose. */
    Optional<Double> learningRateMultiplier();

    /** {@code batch_size} of every job; empty lets the API choose. */
    Optional<Integer> batchSize();

    /**
     * {@code seed} of every job, so that a round on the same examples trains the same models again;
     * empty lets the API pick one per job.
     */
    Optional<Integer> seed();

    Map<String, Agent> agents();

    Poll poll();

    Retry retry();

    @WithDefault("false")
    boolean evaluateAfterRound();

    Evaluation evaluation();

    Lease lease();

    default boolean continueMode() {
        return "continue".equalsIgnoreCase(mode());
    }

    default String baseModelOf(String agent) {
        Agent settings = agents().get(agent);
        return settings == null ? baseModel() : settings.baseModel().orElse(baseModel());
    }

    /** Per agent ({@code <subject>-<role>}). */
    interface Agent {
        Optional<String> baseModel();
    }

    /** Following a job with exponential backoff until it ends. */
    interface Poll {
        @WithDefault("5s")
        Duration initial();

        @WithDefault("60s")
        Duration max();

        @WithDefault("24h")
        Duration timeout();
    }

    /**
     * Retries of one call to the Files or fine-tuning jobs API (upload, job creation, each poll):
     * 408, 409, 429, 5xx, timeouts and dropped connections, with exponential backoff and full jitter.
     */
    interface Retry {
        /** Attempts in all, the first included. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    /**
     * The round lease ({@code finetune_leases}): one instance at a time runs rounds. Its holder
     * renews it every {@code renew-every}; once it is {@code ttl} past its last renewal, another
     * instance takes it over and resumes the rounds left running.
     */
    interface Lease {
        @WithDefault("30s")
        Duration ttl();

        @WithDefault("10s")
        Duration renewEvery();
    }

    /** The test-split tasks an evaluation pushes. */
    interface Evaluation {
        Optional<String> file();

        /** The setting the tasks run in ({@code problem-solving}, {@code actor-critic}). */
        @WithDefault("problem-solving")
        String setting();

        Optional<String> subject();

        @WithDefault("50")
        int limit();

        @WithDefault("30m")
        Duration timeout();
    }
}
