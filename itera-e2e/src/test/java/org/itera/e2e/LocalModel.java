package org.itera.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The default local model (SmolLM2-135M, GGUF) model-server serves, fetched by scripts/fetch-model.sh if missing. */
final class LocalModel {

    static final String FILE = "SmolLM2-135M-Instruct.Q4_1.gguf";

    private LocalModel() {
    }

    /** The models directory ({@code ITERA_MODELS_DIR}, else ~/.cache/itera/models), with the model in it. */
    static Path dir() throws Exception {
        String env = System.getenv("ITERA_MODELS_DIR");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "itera", "models");
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            fetch();
        }
        return dir;
    }

    private static void fetch() throws Exception {
        Path script = Path.of(System.getProperty("itera.repo.dir", "..")).resolve("scripts/fetch-model.sh");
        Process process = new ProcessBuilder("bash", script.toString()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " failed: the local model is needed for this test");
        }
    }
}
