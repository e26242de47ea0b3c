package org.itera.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.cli.stack.Tools;

/** Offline rounds fine-tune on model-server with the local trainer: its Python environment, set up once. */
final class LocalTrainer {

    private final StackConfig config;
    private final PrintStream err;

    LocalTrainer(StackConfig config, PrintStream err) {
        this.config = config;
        this.err = err;
    }

    void setUp() throws StackException, IOException, InterruptedException {
        Path log = config.servicesDir().resolve("setup-trainer.log");
        java.nio.file.Files.createDirectories(log.getParent());
        err.println("trainer: scripts/setup-trainer.sh (the first time a Python environment of about 5 GB; log: " + log + ")");
        if (Tools.run(java.util.List.of("bash", config.script("setup-trainer.sh").toString()), log) != 0) {
            throw new StackException("could not set up the local trainer (scripts/setup-trainer.sh; log: " + log + ")");
        }
        err.println("trainer: scripts/setup-trainer.sh done");
    }
}
