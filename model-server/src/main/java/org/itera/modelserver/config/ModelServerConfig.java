package org.itera.modelserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the model-server ({@code itera.model-server.*}); env-var defaults live in application.properties. */
@ConfigMapping(prefix = "itera.model-server")
public interface ModelServerConfig {

    /** Directory whose {@code *.gguf} files are served. */
    String modelsDir();

    /** Where uploaded files, fine-tuning jobs and fine-tuned models are kept across restarts. */
    String dataDir();

    /** The llama.cpp engine: one {@code llama-server} process per loaded model. */
    EngineConfig engine();

    /** CPU threads llama.cpp uses per model (generation and prompt processing). */
    @WithDefault("2")
    int threads();

    /** Context size in tokens of each model, shared by its parallel slots. */
    @WithDefault("4096")
    int ctx();

    /** Sequences decoded together per model (llama.cpp slots, continuous batching). */
    @WithDefault("4")
    int parallel();

    /** Requests per model allowed to wait for a free slot; beyond that the answer is 503. */
    @WithDefault("64")
    int queue();

    /** Value of the Retry-After header sent with 503. */
    @WithDefault("2")
    int retryAfterSeconds();

    /** Extra names accepted for a model: alias to model id (file name without .gguf). */
    Map<String, String> aliases();

    /** Uploads through {@code POST /v1/files}. */
    FilesConfig files();

    /** Models produced by fine-tuning jobs. */
    FineTunedConfig fineTuned();

    /** The LoRA trainer process run for each fine-tuning job. */
    TrainerConfig trainer();

    /** Tokens each slot may hold (prompt plus completion). */
    default int slotContext() {
        return ctx() / Math.max(1, parallel());
    }

    interface EngineConfig {
        /** The {@code llama-server} binary; {@code scripts/setup-llama.sh} builds it. */
        String server();

        /** How long a starting engine may take to load its model and answer {@code /health}. */
        @WithDefault("120s")
        Duration startTimeout();

        /** How long a stopping engine may take to exit after SIGTERM before it is killed. */
        @WithDefault("10s")
        Duration stopTimeout();

        /**
         * Re-use the KV cache of the longest common prompt prefix a slot already holds (llama.cpp's
         * {@code cache_prompt}): a long shared system prompt is evaluated once, not per request.
         */
        @WithDefault("true")
        boolean cachePrompt();

        /**
         * Cut a reply short where it falls into a loop (its last line written three times in a row,
         * or its last block of lines twice; {@code LoopGuard}), with finish reason {@code length}, as
         * if max_tokens had been reached there. Replies are then streamed from the engine.
         */
        @WithDefault("true")
        boolean stopLoops();

        /** llama.cpp's flash attention: on, off or auto. */
        @WithDefault("off")
        String flashAttention();

        /**
         * How long an engine thread spins at a barrier before it sleeps (OpenMP's GOMP_SPINCOUNT,
         * iterations). llama.cpp's default (300000, some milliseconds) is best on idle cores; on
         * cores shared with other busy processes, a thread that spins while its partner waits for a
         * core wastes that time at every one of the hundreds of barriers of each token. Unset:
         * llama.cpp's default.
         */
        Optional<Long> spinCount();

        /** Where each engine writes its log ({@code <model id>.log}); default {@code <data-dir>/engine}. */
        Optional<String> logDir();
    }

    interface FilesConfig {
        /** Largest accepted training file in bytes. */
        @WithDefault("104857600")
        long maxBytes();
    }

    interface FineTunedConfig {
        /** Fine-tuned models held in memory at once; the least recently used idle one is closed beyond that. */
        @WithDefault("4")
        int maxLoaded();
    }

    interface TrainerConfig {
        /** Program and leading arguments; the trainer's {@code train ...} arguments are appended. */
        List<String> command();

        /** Learning rate for {@code learning_rate_multiplier} 1. */
        @WithDefault("2e-4")
        double baseLearningRate();

        @WithDefault("3")
        int defaultEpochs();

        @WithDefault("4")
        int defaultBatchSize();

        /** Upper bound on optimizer steps of every job (tests and quick trials); none by default. */
        Optional<Integer> maxSteps();

        /** CPU threads of the trainer; defaults to {@code itera.model-server.threads}. */
        Optional<Integer> threads();

        /** GGUF type of fine-tuned models: q8_0 or f16. */
        @WithDefault("q8_0")
        String outtype();

        /** JSON file of prompts the trainer answers greedily after training (a reference for llama.cpp). */
        Optional<String> referencePrompts();

        /** How long a cancelled trainer may take to exit after SIGTERM before it is killed. */
        @WithDefault("20s")
        Duration stopTimeout();
    }
}
