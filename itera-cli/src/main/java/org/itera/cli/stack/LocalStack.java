package org.itera.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack as background processes: {@link #start} starts one part unless ours already runs
 * (and waits until it serves), {@link #stop} stops ours, {@link #status} says how each stands.
 * Pid files and logs are under the home folder; nothing here stops a process it did not start.
 */
public final class LocalStack {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackConfig config;
    private final PrintStream out;
    private final WaitProgress progress;
    private final KafkaBroker kafka;

    public LocalStack(StackConfig config, PrintStream out, WaitProgress progress) {
        this.config = config;
        this.out = out;
        this.progress = progress;
        this.kafka = new KafkaBroker(config);
    }

    public StackConfig config() {
        return config;
    }

    public ProcessFiles files(Component component) {
        return switch (component) {
            case KAFKA -> kafka.files();
            case MONGO -> new ProcessFiles("mongo", config.home().resolve("mongo/devstore.pid"),
                    config.home().resolve("mongo/devstore.log"), DevStoreLauncher.MAIN_CLASS);
            default -> new ProcessFiles(component.label(), config.servicesDir().resolve(component.label() + ".pid"),
                    config.servicesDir().resolve(component.label() + ".log"), config.serviceJar(component).toString());
        };
    }

    public boolean running(Component component) {
        return files(component).running().isPresent();
    }

    /** Starts {@code component} unless ours runs already; true when this call started it. */
    public boolean start(Component component) throws StackException, InterruptedException {
        ProcessFiles files = files(component);
        Optional<ProcessHandle> ours = files.running();
        if (ours.isPresent()) {
            out.println(component.label() + ": already running (pid " + ours.get().pid() + "), reusing it");
            awaitServing(component, files);
            warnOnOtherSettings(component);
            return false;
        }
        int port = config.port(component);
        if (Readiness.portOpen(StackConfig.HOST, port)) {
            throw new StackException(component.label() + ": port " + port + " is taken by another process; stop it or set "
                    + component.portVariable());
        }
        try {
            List<String> command = command(component);
            out.println(component.label() + ": starting on port " + port + " (log: " + files.log() + ")");
            files.start(command, component.isService() ? config.serviceEnv(component) : Map.of());
            if (component.isService()) {
                ServiceSettings.save(settingsFile(component), ServiceSettings.of(config, component));
            }
        } catch (IOException e) {
            throw new StackException(component.label() + ": could not start: " + e.getMessage(), e);
        }
        awaitServing(component, files);
        if (component == Component.KAFKA) {
            kafka.createTopics();
        }
        return true;
    }

    private void awaitServing(Component component, ProcessFiles files) throws StackException, InterruptedException {
        int port = config.port(component);
        try {
            Readiness.await(component.label(), () -> component.isService()
                    ? Readiness.healthReady(config.url(component)) : Readiness.portOpen(StackConfig.HOST, port),
                    () -> files.running().isPresent(), startTimeout(component), progress);
        } catch (Readiness.NotReadyException e) {
            throw new StackException(e.getMessage() + "; last lines of " + files.log() + ":\n" + files.logTail(30));
        }
    }

    private Path settingsFile(Component component) {
        return config.servicesDir().resolve(component.label() + ".conf");
    }

    private void warnOnOtherSettings(Component component) {
        if (!component.isService()) {
            return;
        }
        try {
            List<String> differ = ServiceSettings.differences(settingsFile(component), ServiceSettings.of(config, component));
            if (!differ.isEmpty()) {
                out.println("warning: " + component.label() + " keeps the settings it was started with:");
                differ.forEach(line -> out.println("  " + line));
                out.println("warning: to apply the new ones: itera down, then run again");
            }
        } catch (IOException e) {
            out.println("warning: cannot read " + settingsFile(component) + ": " + e.getMessage());
        }
    }

    private Duration startTimeout(Component component) {
        String variable = component.isService() ? "ITERA_SERVICE_START_TIMEOUT" : "KAFKA_START_TIMEOUT";
        return Duration.ofSeconds(Long.parseLong(config.env().getOrDefault(variable, component.isService() ? "120" : "90")));
    }

    private List<String> command(Component component) throws StackException, IOException, InterruptedException {
        return switch (component) {
            case KAFKA -> kafka.prepare();
            case MONGO -> DevStoreLauncher.command(config);
            case MODEL_SERVER -> {
                new LocalModel(config, out).prepare();
                yield serviceCommand(component);
            }
            default -> serviceCommand(component);
        };
    }

    private List<String> serviceCommand(Component component) throws StackException {
        Path jar = config.serviceJar(component);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(component.label() + ": " + jar + " is missing; build it with mvn -B package -DskipTests (./itera does when sources changed)");
        }
        return Readiness.serviceCommand(config.java(), config.serviceHeap(), jar);
    }

    /** Stops ours; true when it was running. */
    public boolean stop(Component component) throws InterruptedException {
        boolean stopped = files(component).stop(STOP_GRACE);
        out.println(component.label() + ": " + (stopped ? "stopped" : "not running"));
        return stopped;
    }

    /** One line per part: running and ready, running, stopped, or the port taken by another process. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        for (Component component : Component.values()) {
            Optional<ProcessHandle> ours = files(component).running();
            int port = config.port(component);
            String state;
            if (ours.isPresent()) {
                boolean serving = component.isService() ? Readiness.healthReady(config.url(component))
                        : Readiness.portOpen(StackConfig.HOST, port);
                state = (serving ? "running" : "starting") + " (pid " + ours.get().pid() + ", port " + port + ")";
            } else {
                state = Readiness.portOpen(StackConfig.HOST, port) ? "not ours: port " + port + " is taken by another process"
                        : "stopped";
            }
            lines.add(String.format("%-18s %s", component.label(), state));
        }
        return lines;
    }
}
