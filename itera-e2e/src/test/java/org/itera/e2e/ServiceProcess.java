package org.itera.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.itera.cli.stack.Readiness;
import org.itera.cli.stack.WaitProgress;
import org.itera.testing.FreePorts;
import org.itera.testing.TestLogs;

/** A packaged Quarkus service run as its own JVM process, as a user would run it. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The log files of this JVM's services: a second instance of a module gets its own. */
    private static final Set<Path> LOGS = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String module, Map<String, String> env) throws IOException {
        Path repo = Path.of(System.getProperty("itera.repo.dir", ".."));
        Path jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn verify` from the repository root");
        }
        int port = FreePorts.pick();
        Path log = logFile(testClass() + "-" + module);
        Files.createDirectories(log.getParent());
        TestLogs.add(log);
        ProcessBuilder builder = new ProcessBuilder(Readiness.serviceCommand("java", "-Xmx384m", jar))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        return new ServiceProcess(module, builder.start(), port, log);
    }

    /** {@code target/e2e-logs/<name>.log}, or {@code <name>-2.log}, ... when an earlier service of this JVM has it. */
    private static Path logFile(String name) {
        Path log = Path.of("target", "e2e-logs", name + ".log");
        for (int n = 2; !LOGS.add(log); n++) {
            log = Path.of("target", "e2e-logs", name + "-" + n + ".log");
        }
        return log;
    }

    /** The simple name of the test class starting a service (one per JVM: failsafe forks one per class). */
    private static String testClass() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .map(Class::getSimpleName).filter(name -> name.endsWith("IT")).findFirst())
                .orElse("e2e");
    }

    /** Waits until {@code /q/health/ready} answers 200 (the readiness check {@code itera up} uses). */
    ServiceProcess awaitReady(Duration timeout) throws Exception {
        try {
            Readiness.await(name, () -> Readiness.healthReady("http://127.0.0.1:" + port), process::isAlive, timeout,
                    WaitProgress.NONE);
            return this;
        } catch (Readiness.NotReadyException e) {
            throw new IllegalStateException(e.getMessage() + "; see " + log, e);
        }
    }

    int port() {
        return port;
    }

    HttpResponse<String> get(String path) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new DownResponse(e);
        }
    }

    HttpResponse<String> post(String path, String body) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new DownResponse(e);
        }
    }

    /** The process, e.g. to list the processes it started ({@code handle().descendants()}). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Kills the process with SIGKILL ({@code kill -9}), as a crash would: no shutdown hook runs and
     * the processes it started are left behind; returns once it is gone.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

}
