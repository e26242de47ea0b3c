package org.itera.modelserver.llama;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waits for a starting {@code llama-server} to answer {@code GET /health} with 200 (503 while it loads). */
final class EngineHealth {

    private static final int LOG_LINES = 8;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Returns once the engine serves; fails when it exits first or the timeout passes. */
    void await(Process process, URI base, Duration timeout, Path log) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("it exited with code " + process.exitValue() + ": " + tail(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for it", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("no healthy answer within " + timeout + ": " + tail(log));
            }
            pause();
        }
    }

    /** Whether the engine's last start failed because its port was taken. */
    static boolean lostPort(Path log) {
        return tail(log).contains("couldn't bind");
    }

    /** The last lines of the engine's log, for error messages. */
    static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())).strip();
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for it", e);
        }
    }
}
