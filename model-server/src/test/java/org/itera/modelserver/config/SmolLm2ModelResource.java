package org.itera.modelserver.config;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Points the model-server at the real SmolLM2-135M-Instruct file. The file is looked for in
 * {@code ITERA_MODELS_DIR} (default ~/.cache/itera/models); when it is missing,
 * {@code scripts/fetch-model.sh} is run once to put it there (needs PyPI).
 */
public class SmolLm2ModelResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL_ID = "SmolLM2-135M-Instruct.Q4_1";

    @Override
    public Map<String, String> start() {
        Path dir = modelsDir();
        if (!Files.isRegularFile(dir.resolve(MODEL_ID + ".gguf"))) {
            fetch();
        }
        return Map.of("itera.model-server.models-dir", dir.toString());
    }

    @Override
    public void stop() {
    }

    /** The model file, fetched if missing. */
    public static Path modelFile() {
        Path file = modelsDir().resolve(MODEL_ID + ".gguf");
        if (!Files.isRegularFile(file)) {
            fetch();
        }
        return file;
    }

    static Path modelsDir() {
        String env = System.getenv("ITERA_MODELS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "itera", "models");
    }

    private static void fetch() {
        Path script = findScript();
        try {
            Process process = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " failed; cannot run the model-server tests");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the model", e);
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts").resolve("fetch-model.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/fetch-model.sh not found above " + Path.of("").toAbsolutePath());
    }
}
