package org.itera.modelserver.llama;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import org.itera.modelserver.config.ModelServerConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads one GGUF file into llama.cpp with the configured threads, context and slots. */
final class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);
    private static final Logger LLAMA_LOG = Logger.getLogger("llama.cpp");

    static {
        // llama.cpp is chatty; keep its warnings and errors, the rest only at debug level.
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {
            String line = message.strip();
            switch (level) {
                case ERROR -> LLAMA_LOG.error(line);
                case WARN -> LLAMA_LOG.warn(line);
                default -> LLAMA_LOG.debug(line);
            }
        });
    }

    private final ModelServerConfig config;

    ModelLoader(ModelServerConfig config) {
        this.config = config;
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
        ModelParameters parameters = new ModelParameters()
                .setModel(file.toString())
                .setThreads(config.threads())
                .setThreadsBatch(config.threads())
                .setCtxSize(config.ctx())
                .setParallel(config.parallel())
                .enableContBatching()
                .disableContextShift()
                // Flash attention skips other sequences' cells, which makes a seeded greedy request
                // depend less on where its cells lie in the shared KV cache; not fully, as llama.cpp is not batch-invariant.
                .enableFlashAttn()
                .enableJinja()
                .disableLog();
        LlamaModel llama = new LlamaModel(parameters);
        long created = Files.getLastModifiedTime(file).toMillis() / 1000;
        LoadedModel model = new LoadedModel(id, created, llama, config.slotContext(),
                config.parallel() + config.queue());
        LOG.infof("loaded model %s from %s in %d ms (%d threads, context %d over %d slots, queue %d)",
                model.id(), file, (System.nanoTime() - started) / 1_000_000, config.threads(),
                config.ctx(), config.parallel(), config.queue());
        return model;
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
