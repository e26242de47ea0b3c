package org.itera.cli.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a started process to serve: a Quarkus service's {@code /q/health/ready} answering 200,
 * or a TCP port accepting connections (the broker, the store). Gives up when the process dies or the
 * timeout passes, with the reason. Shared by {@code itera up} and the end-to-end tests.
 */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long POLL_MILLIS = 250;

    private Readiness() {
    }

    /** Thrown when the process exited or was not ready in time. */
    public static final class NotReadyException extends Exception {
        public NotReadyException(String message) {
            super(message);
        }
    }

    public static boolean healthReady(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code ready} holds; fails when {@code alive} stops holding or after {@code timeout}. */
    public static Duration await(String what, BooleanSupplier ready, BooleanSupplier alive, Duration timeout,
            WaitProgress progress) throws NotReadyException, InterruptedException {
        long start = System.nanoTime();
        progress.begin(what, timeout.toMillis());
        while (true) {
            if (ready.getAsBoolean()) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                progress.end("ready after " + took.toMillis() / 100 / 10.0 + "s");
                return took;
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (!alive.getAsBoolean()) {
                progress.end("exited during start-up");
                throw new NotReadyException(what + ": the process exited during start-up");
            }
            if (elapsed >= timeout.toMillis()) {
                progress.end("not ready after " + timeout.toSeconds() + "s");
                throw new NotReadyException(what + ": not ready after " + timeout.toSeconds() + "s");
            }
            progress.update(elapsed);
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The command line of a packaged Quarkus service: {@code java <heap options> -jar <jar>}. */
    public static java.util.List<String> serviceCommand(String java, String heapOptions, java.nio.file.Path jar) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(java);
        for (String option : heapOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
