package org.itera.modelserver.llama;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Starts one {@code llama-server} process on a free loopback port, its log appended to a file, and
 * waits until it serves. When another process took the port between the probe and the bind, it
 * tries another port (three tries in all).
 */
final class EngineLaunch {

    private static final int TRIES = 3;

    record Started(Process process, URI uri) {
    }

    private EngineLaunch() {
    }

    /** {@code onSpawn} sees each process as soon as it exists, so that a stop can end a starting engine. */
    static Started start(EngineCommand command, Path log, Duration timeout, Consumer<Process> onSpawn)
            throws IOException {
        Files.createDirectories(log.getParent());
        EngineHealth health = new EngineHealth();
        for (int attempt = 1; ; attempt++) {
            int port = EngineCommand.freePort();
            Process process = command.builder(port)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            onSpawn.accept(process);
            URI uri = URI.create("http://127.0.0.1:" + port);
            try {
                health.await(process, uri, timeout, log);
                return new Started(process, uri);
            } catch (IOException e) {
                process.destroyForcibly();
                if (attempt >= TRIES || !EngineHealth.lostPort(log)) {
                    throw e;
                }
            }
        }
    }
}
