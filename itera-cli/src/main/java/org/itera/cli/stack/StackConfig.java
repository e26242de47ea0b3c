package org.itera.cli.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.Topics;

/**
 * Where the local stack lives and how its parts are wired: the repository (jars, scripts), the
 * home folder ({@code ITERA_HOME}, default {@code <repo>/.itera}: pid files, logs, data, runs),
 * the ports, and whether it is offline (no {@code OPENAI_BASE_URL}: the local model-server is the
 * LLM and the services run with their {@code offline} Quarkus profile).
 */
public record StackConfig(Path repo, Path home, Map<String, String> env) {

    public static final String HOST = "127.0.0.1";
    /** The Quarkus profiles of every service offline: {@code %offline.} in their application.properties. */
    public static final String OFFLINE_PROFILES = "prod,offline";

    /** The repository is {@code -Ditera.repo} (the {@code itera} wrapper sets it), else the working directory. */
    public static StackConfig fromEnvironment() {
        Path repo = Path.of(System.getProperty("itera.repo", ".")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        Path home = Optional.ofNullable(env.get("ITERA_HOME")).filter(h -> !h.isBlank()).map(Path::of)
                .orElse(repo.resolve(".itera")).toAbsolutePath().normalize();
        return new StackConfig(repo, home, env);
    }

    public boolean offline() {
        return Optional.ofNullable(env.get("OPENAI_BASE_URL")).map(String::isBlank).orElse(true);
    }

    public int port(Component component) {
        return component.port(env);
    }

    public String url(Component component) {
        return "http://" + HOST + ":" + port(component);
    }

    public String kafkaBootstrap() {
        return HOST + ":" + port(Component.KAFKA);
    }

    /** Partitions of each partitioned topic: {@code KAFKA_PARTITIONS}, else {@link Topics#DEFAULT_PARTITIONS}. */
    public int kafkaPartitions() throws StackException {
        String value = env.get("KAFKA_PARTITIONS");
        if (value == null || value.isBlank()) {
            return Topics.DEFAULT_PARTITIONS;
        }
        try {
            int partitions = Integer.parseInt(value.trim());
            if (partitions >= 1) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new StackException("KAFKA_PARTITIONS must be a whole number of at least 1, not '" + value + "'");
    }

    public String mongoUri() {
        return "mongodb://" + HOST + ":" + port(Component.MONGO);
    }

    /** The chat endpoint the services call: the user's, or model-server's offline. */
    public String llmBaseUrl() {
        return offline() ? url(Component.MODEL_SERVER) + "/v1" : env.get("OPENAI_BASE_URL");
    }

    public Path servicesDir() {
        return home.resolve("services");
    }

    public Path runsDir() {
        return home.resolve("runs");
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path stateDir() {
        return home.resolve("state");
    }

    public Path script(String name) {
        return repo.resolve("scripts").resolve(name);
    }

    public Path serviceJar(Component component) {
        return repo.resolve(component.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The java executable: {@code JAVA_HOME}'s, else the one running this command. */
    public String java() {
        String javaHome = env.getOrDefault("JAVA_HOME", "");
        Path candidate = Path.of(javaHome.isBlank() ? System.getProperty("java.home") : javaHome, "bin", "java");
        return candidate.toString();
    }

    /** The environment a service is started with, on top of this command's own (which it inherits). */
    public Map<String, String> serviceEnv(Component component) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("PORT", Integer.toString(port(component)));
        if (component == Component.MODEL_SERVER) {
            settings.put("ITERA_MODEL_SERVER_DATA", env.getOrDefault("ITERA_MODEL_SERVER_DATA",
                    home.resolve("model-server").toString()));
            return settings;
        }
        settings.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        settings.put("MONGODB_URI", mongoUri());
        settings.put("OPENAI_BASE_URL", llmBaseUrl());
        if (offline()) {
            settings.put("QUARKUS_PROFILE", env.getOrDefault("QUARKUS_PROFILE", OFFLINE_PROFILES));
        }
        if (component == Component.FILTER) {
            settings.put("ITERA_FEEDBACK_URL", url(Component.FEEDBACK));
        }
        if (component == Component.FINETUNE) {
            // rounds are driven by `itera run --round`, not started by the service on its own
            settings.put("ITERA_FINETUNE_AUTO", env.getOrDefault("ITERA_FINETUNE_AUTO", "false"));
            if (!offline()) {
                // three epochs on OpenAI's API, as the paper (offline, the profile has the local round's settings)
                settings.put("ITERA_FINETUNE_EPOCHS", env.getOrDefault("ITERA_FINETUNE_EPOCHS", "3"));
            }
        }
        return settings;
    }

    /**
     * The services' JVM options by default: the serial collector costs the least CPU and memory on a
     * few cores (docs/benchmarks.md: same throughput, about 150 MB less per service than G1 at -Xmx512m).
     */
    static final String SERVICE_HEAP = "-Xmx384m -XX:+UseSerialGC";

    /** The heap and collector of a service JVM: {@code ITERA_SERVICE_HEAP_OPTS}, default {@value #SERVICE_HEAP}. */
    public String serviceHeap() {
        return env.getOrDefault("ITERA_SERVICE_HEAP_OPTS", SERVICE_HEAP);
    }
}
