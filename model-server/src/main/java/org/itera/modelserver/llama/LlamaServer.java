package org.itera.modelserver.llama;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One {@code llama-server} child process serving one GGUF file on a loopback port. It is started
 * and waited for until {@code /health} answers; if it exits without being asked to, it is started
 * again (after a pause that doubles up to 30 s while it keeps failing), and callers wait for it in
 * {@link #baseUri()}. Its log goes to a file; its standard input stays open, so that the engine
 * also exits when this JVM dies without stopping it ({@link EngineCommand}).
 */
final class LlamaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LlamaServer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** Restarts wait and start processes: not on the JDK's process reaper thread. */
    private static final Executor RESTARTS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "engine-restart");
        thread.setDaemon(true);
        return thread;
    });

    private final String id;
    private final EngineCommand command;
    private final Path log;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private Process process;
    private URI base;
    private boolean stopped;
    private Duration pause = Duration.ofSeconds(1);

    private LlamaServer(String id, EngineCommand command, Path log, Duration startTimeout, Duration stopTimeout) {
        this.id = id;
        this.command = command;
        this.log = log;
        this.startTimeout = startTimeout;
        this.stopTimeout = stopTimeout;
    }

    /** Starts the engine and waits until it serves; fails with the reason from its log. */
    static LlamaServer start(String id, EngineCommand command, Path log, Duration startTimeout, Duration stopTimeout)
            throws IOException {
        LlamaServer server = new LlamaServer(id, command, log, startTimeout, stopTimeout);
        try {
            server.launch();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The engine's base URI, waiting (up to the start timeout) while it is being restarted. */
    synchronized URI baseUri() {
        Instant deadline = Instant.now().plus(startTimeout);
        while (base == null && !stopped) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new EngineUnavailableException(id, "it is restarting");
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineUnavailableException(id, "interrupted while waiting for it");
            }
        }
        if (stopped) {
            throw new EngineUnavailableException(id, "it was stopped");
        }
        return base;
    }

    synchronized boolean serving() {
        return base != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    private void launch() throws IOException {
        EngineLaunch.Started started;
        try {
            started = EngineLaunch.start(command, log, startTimeout, spawned -> {
                synchronized (this) {
                    process = spawned;
                }
            });
        } catch (IOException e) {
            throw new IOException("llama-server for " + id + " did not start: " + e.getMessage(), e);
        }
        synchronized (this) {
            base = started.uri();
            pause = Duration.ofSeconds(1);
            notifyAll();
        }
        Process running = started.process();
        running.onExit().thenRunAsync(() -> exited(running), RESTARTS);
        LOG.infof("engine of %s serves on %s (pid %d, log %s)", id, started.uri(), running.pid(), log);
    }

    /** Starts the engine again after it exited unasked, pausing longer while it keeps failing. */
    private void exited(Process gone) {
        synchronized (this) {
            if (stopped || gone != process) {
                return;
            }
            base = null;
        }
        LOG.errorf("engine of %s (pid %d) exited with code %d; starting it again (log %s)", id, gone.pid(),
                gone.exitValue(), log);
        while (true) {
            Duration wait;
            synchronized (this) {
                wait = pause;
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
            try {
                Thread.sleep(wait.toMillis());
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                }
                launch();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.errorf("engine of %s could not be started again: %s", id, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the engine: SIGTERM, then SIGKILL after the stop timeout. */
    @Override
    public void close() {
        Process running;
        synchronized (this) {
            stopped = true;
            base = null;
            running = process;
            notifyAll();
        }
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("engine of %s did not stop within %s; killing it", id, stopTimeout);
                running.destroyForcibly().waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        closeQuietly(running.getOutputStream());
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the process is gone
        }
    }
}
