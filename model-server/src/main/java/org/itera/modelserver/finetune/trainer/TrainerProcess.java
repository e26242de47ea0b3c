package org.itera.modelserver.finetune.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running trainer. stdout carries JSON event lines (anything else is logged and skipped);
 * stderr is its log, kept at debug level with the last lines held for error messages. Its stdin
 * is a pipe this JVM holds open and never writes to: with {@link #PARENT_WATCH} set, the trainer
 * stops (as on SIGTERM) when the pipe ends, so a trainer never outlives a killed model-server
 * (trainer/README.md), as the engines do (EngineCommand).
 */
public final class TrainerProcess {

    /** Set in the trainer's environment: watch stdin and stop at its end. */
    public static final String PARENT_WATCH = "ITERA_TRAINER_WATCH_STDIN";
    private static final Logger LOG = Logger.getLogger(TrainerProcess.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL = 20;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread stderr;

    private TrainerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stderr = new Thread(this::drainStderr, "trainer-log-" + name);
        this.stderr.setDaemon(true);
        this.stderr.start();
    }

    public static TrainerProcess start(String name, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put(PARENT_WATCH, "1");
        return new TrainerProcess(name, builder.redirectInput(ProcessBuilder.Redirect.PIPE).start());
    }

    public long pid() {
        return process.pid();
    }

    /** Reads events until the trainer closes stdout, then waits for it to exit. */
    public TrainerResult await(Consumer<TrainerEvent> onEvent) throws InterruptedException {
        TrainerEvent last = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                TrainerEvent event = parse(line);
                if (event == null) {
                    continue;
                }
                if (event.event().equals("succeeded") || event.event().equals("failed")) {
                    last = event;
                }
                onEvent.accept(event);
            }
        } catch (IOException e) {
            LOG.warnf("trainer %s: stdout closed: %s", name, e.getMessage());
        }
        int exit = process.waitFor();
        stderr.join(TimeUnit.SECONDS.toMillis(5));
        synchronized (tail) {
            return new TrainerResult(exit, last, String.join("\n", tail));
        }
    }

    /** Asks the trainer (and anything it started) to stop; kills it if it is still there after {@code grace}. */
    public void stop(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("trainer %s did not stop within %s; killing it", name, grace);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private TrainerEvent parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(line);
            if (json != null && json.path("event").isTextual()) {
                return new TrainerEvent(json.path("event").asText(), json);
            }
        } catch (IOException e) {
            // not JSON: below
        }
        LOG.warnf("trainer %s wrote a line that is not an event on stdout (%d chars); ignored", name, line.length());
        return null;
    }

    private void drainStderr() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                LOG.debugf("trainer %s: %s", name, line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            LOG.debugf("trainer %s: stderr closed: %s", name, e.getMessage());
        }
    }
}
