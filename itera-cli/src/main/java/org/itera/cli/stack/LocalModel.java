package org.itera.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What model-server needs before it starts offline: the model file ({@code scripts/fetch-model.sh})
 * and the llama.cpp engine ({@code scripts/setup-llama.sh}), both idempotent and quick once done.
 */
final class LocalModel {

    private final StackConfig config;
    private final PrintStream out;

    LocalModel(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    void prepare() throws StackException, IOException, InterruptedException {
        runScript("fetch-model.sh", "could not fetch the local model");
        runScript("setup-llama.sh", "could not build the local engine");
    }

    private void runScript(String script, String failure) throws StackException, IOException, InterruptedException {
        Path log = config.servicesDir().resolve(script.replace(".sh", ".log"));
        int exit = Tools.run(List.of("bash", config.script(script).toString()), log);
        if (exit != 0) {
            throw new StackException(failure + " (scripts/" + script + ", log: " + log + "); or set OPENAI_BASE_URL");
        }
        out.println("model-server: scripts/" + script + " done");
    }
}
