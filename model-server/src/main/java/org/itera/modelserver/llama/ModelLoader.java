package org.itera.modelserver.llama;

import org.itera.modelserver.config.ModelServerConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads one GGUF file: starts its llama.cpp engine ({@code llama-server}) with the configured
 * threads, context and slots, and waits until it serves.
 */
final class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final ModelServerConfig config;

    ModelLoader(ModelServerConfig config) {
        this.config = config;
        if (config.engine().cachePrompt() && !"off".equals(config.engine().flashAttention())) {
            LOG.warnf("flash attention %s with prompt caching: greedy replies may change with what the KV cache "
                    + "holds (measured: docs/benchmarks.md); keep one of them off for repeatable evaluations",
                    config.engine().flashAttention());
        }
    }

    static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".gguf".length());
    }

    LoadedModel load(Path file) throws IOException {
        return load(file, idOf(file));
    }

    LoadedModel load(Path file, String id) throws IOException {
        long started = System.nanoTime();
        if (!Files.isExecutable(Path.of(config.engine().server()))) {
            throw new IOException("the llama.cpp engine " + config.engine().server()
                    + " is missing; run scripts/setup-llama.sh (or set ITERA_LLAMA_SERVER)");
        }
        Path log = logOf(id);
        Files.deleteIfExists(log); // a fresh log per load; restarts after a crash append to it
        LlamaServer engine = LlamaServer.start(id, EngineCommand.of(config, file), log,
                config.engine().startTimeout(), config.engine().stopTimeout());
        long created = Files.getLastModifiedTime(file).toMillis() / 1000;
        LoadedModel model = new LoadedModel(id, created, engine, config.slotContext(),
                config.parallel() + config.queue(), config.engine().cachePrompt(), config.engine().stopLoops());
        LOG.infof("loaded model %s from %s in %d ms (%d threads, context %d over %d slots, queue %d)",
                model.id(), file, (System.nanoTime() - started) / 1_000_000, config.threads(),
                config.ctx(), config.parallel(), config.queue());
        return model;
    }

    /** The engine's log file: one per model, named after its id (made safe as a file name). */
    private Path logOf(String id) {
        Path dir = config.engine().logDir().map(Path::of).orElse(Path.of(config.dataDir(), "engine"));
        return dir.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
    }

    static List<Path> ggufFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("models directory %s does not exist", dir);
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gguf"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.errorf("cannot list models directory %s: %s", dir, e.getMessage());
            return List.of();
        }
    }
}
