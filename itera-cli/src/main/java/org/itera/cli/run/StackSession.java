package org.itera.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.itera.cli.ServiceApi;
import org.itera.cli.UpCommand;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.ConsumerLag;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.cli.stack.WaitProgress;

/**
 * The local stack as one run uses it: starts what is missing (remembering what it started), lets
 * the leftovers of an earlier run finish, pauses and resumes the repair loop, and at the end stops
 * only what it started (unless the run keeps it).
 */
public final class StackSession {

    private static final long DRAIN_POLL_MILLIS = 3000;

    private final StackConfig config;
    private final PrintStream err;
    private final boolean keep;
    private final LocalStack stack;
    private final List<Component> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean repairsPaused;

    public StackSession(StackConfig config, PrintStream err, boolean keep) {
        this.config = config;
        this.err = err;
        this.keep = keep;
        this.stack = new LocalStack(config, err, WaitProgress.onStderr());
    }

    /** A command's work with the stack. */
    @FunctionalInterface
    public interface Work {
        int run() throws StackException, IOException, InterruptedException;
    }

    /**
     * Runs {@code command}'s work and then stops what the session started, also on Ctrl-C (a
     * shutdown hook); a {@link StackException}, an I/O failure or a round step's failure is printed as
     * {@code <command>: <reason>}.
     */
    public int run(String command, Work work) throws InterruptedException {
        Thread hook = new Thread(this::close, command.replace(' ', '-') + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run();
        } catch (StackException | IOException | org.itera.cli.round.RoundFailure e) {
            err.println(command + ": " + e.getMessage());
            return org.itera.cli.ExitCodes.FAILED;
        } finally {
            close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** Starts the parts a run needs (finetune-service too for a round; offline first the local trainer). */
    public void up(boolean round) throws StackException, InterruptedException, IOException {
        if (round && config.offline()) {
            new LocalTrainer(config, err).setUp();
        }
        for (Component component : UpCommand.wanted(config.offline(), round)) {
            if (stack.start(component)) {
                synchronized (started) {
                    started.add(component);
                }
            }
        }
        warnWhenLlmSilent();
    }

    private void warnWhenLlmSilent() throws InterruptedException {
        try {
            new ServiceApi(config.llmBaseUrl(), java.time.Duration.ofSeconds(5)).get("/models");
        } catch (IOException e) {
            err.println("warning: the LLM endpoint " + config.llmBaseUrl() + " does not answer (GET /models): every task"
                    + " will fail and end on tasks-dlq after the retries; set OPENAI_BASE_URL (and OPENAI_API_KEY)");
        }
    }

    /** Waits until nothing of an earlier run is queued or in flight, so that it does not share the model with this run. */
    public void drainLeftovers(int timeoutSeconds) throws StackException, InterruptedException {
        long start = System.currentTimeMillis();
        long queued = queued();
        if (queued == 0) {
            return;
        }
        err.println("warning: " + queued + " record(s) of an earlier run are still queued; letting them finish first");
        WaitProgress progress = WaitProgress.onStderr();
        progress.begin("earlier run's records", timeoutSeconds * 1000L);
        while (queued > 0) {
            long elapsed = System.currentTimeMillis() - start;
            if (elapsed >= timeoutSeconds * 1000L) {
                progress.end(queued + " still queued");
                throw new StackException("the earlier run's records did not finish within " + timeoutSeconds + "s");
            }
            progress.update(elapsed);
            Thread.sleep(DRAIN_POLL_MILLIS);
            queued = queued();
        }
        progress.end("done after " + (System.currentTimeMillis() - start) / 1000 + "s");
    }

    private long queued() throws InterruptedException {
        try {
            return ConsumerLag.of(config.kafkaBootstrap(), ConsumerLag.PIPELINE);
        } catch (ExecutionException e) {
            err.println("warning: could not read the consumer groups' lag: " + e.getMessage());
            return 0;
        }
    }

    public void pauseRepairs() throws InterruptedException {
        repairsPaused = switchRepairs("pause");
    }

    public void resumeRepairs() throws InterruptedException {
        if (repairsPaused) {
            repairsPaused = !switchRepairs("resume");
        }
    }

    private boolean switchRepairs(String what) throws InterruptedException {
        err.println("round: " + what + " the repair loop" + ("pause".equals(what)
                ? " while the model trains and is evaluated (what is left waits on 'failures')" : ""));
        try {
            int status = new ServiceApi(config.url(Component.FEEDBACK)).post("/repairs/" + what).status();
            return status / 100 == 2;
        } catch (IOException e) {
            err.println("warning: could not " + what + " the repair loop: " + e.getMessage());
            return false;
        }
    }

    /** Stops what this run started, once, unless kept. */
    public void close() {
        if (keep || !closed.compareAndSet(false, true)) {
            return;
        }
        List<Component> ours;
        synchronized (started) {
            ours = new ArrayList<>(started);
        }
        if (ours.isEmpty()) {
            return;
        }
        err.println("stopping what this run started: " + ours.stream().map(Component::label).toList());
        for (Component component : org.itera.cli.DownCommand.STOP_ORDER) {
            if (ours.contains(component)) {
                try {
                    stack.stop(component);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public String keptText() {
        StringBuilder text = new StringBuilder("\nKept running (--keep):\n");
        for (Component component : Component.values()) {
            if (stack.running(component)) {
                text.append(String.format("  %-18s %s  log: %s%n", component.label(),
                        component.isService() ? config.url(component) : "port " + config.port(component),
                        stack.files(component).log()));
            }
        }
        return text.append("  run report         ").append(config.url(Component.FILTER)).append("/runs/{id}\n")
                .append("Stop everything with: itera down").toString();
    }
}
