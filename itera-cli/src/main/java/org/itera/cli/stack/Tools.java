package org.itera.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a one-shot tool (Maven, a setup script, Kafka's StorageTool) to its end, its output in a log file. */
public final class Tools {

    private Tools() {
    }

    public static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return process.waitFor();
    }
}
