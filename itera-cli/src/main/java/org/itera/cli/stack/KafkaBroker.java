package org.itera.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.itera.core.event.Topics;

/**
 * The local Apache Kafka broker: KRaft, broker and controller in one JVM, loopback only, its jars
 * fetched once from Maven Central through {@code infra/kafka/pom.xml}, its data under
 * {@code <home>/kafka}. Every topic of {@link Topics} is created at start: the work topics with
 * {@code KAFKA_PARTITIONS} partitions (6, {@code Topics.DEFAULT_PARTITIONS}), model-updates and the dead-letter topics with one.
 */
public final class KafkaBroker {

    private final StackConfig config;
    private final Path dir;

    public KafkaBroker(StackConfig config) {
        this.config = config;
        this.dir = config.home().resolve("kafka");
    }

    public ProcessFiles files() {
        return new ProcessFiles("kafka", dir.resolve("kafka.pid"), dir.resolve("logs/kafka.out"), conf().toString());
    }

    private Path conf() {
        return dir.resolve("server.properties");
    }

    private Path lib() {
        return dir.resolve("lib");
    }

    /** The broker's command line, once the jars are there, the configuration written and the storage formatted. */
    public List<String> prepare() throws StackException, IOException, InterruptedException {
        fetchJars();
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(conf(), KafkaServerProperties.render(config, dir));
        format();
        List<String> command = new ArrayList<>(List.of(config.java()));
        command.addAll(List.of(config.env().getOrDefault("KAFKA_HEAP_OPTS", "-Xms256m -Xmx512m").trim().split("\\s+")));
        command.addAll(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + dir.resolve("logs"),
                "-Dlog4j2.configurationFile=" + config.repo().resolve("infra/kafka/log4j2.xml"),
                "-cp", lib() + "/*", "kafka.Kafka", conf().toString()));
        return command;
    }

    private void fetchJars() throws StackException, IOException, InterruptedException {
        Path pom = config.repo().resolve("infra/kafka/pom.xml");
        Path stamp = lib().resolve(".pom.sha1");
        String want = sha1(pom);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(want)) {
            return;
        }
        System.err.println("kafka: fetching the broker's jars into " + lib() + " (once)");
        Files.createDirectories(lib());
        int exit = Tools.run(List.of("mvn", "-q", "-B", "-Dstyle.color=never", "-f", pom.toString(),
                "dependency:copy-dependencies", "-DoutputDirectory=" + lib()), dir.resolve("logs/fetch.log"));
        if (exit != 0) {
            throw new StackException("could not fetch the Kafka jars (mvn -f " + pom
                    + " dependency:copy-dependencies; see " + dir.resolve("logs/fetch.log") + ")");
        }
        Files.writeString(stamp, want);
    }

    /** Formats the storage on the first start, with a cluster id kept beside it. */
    private void format() throws StackException, IOException, InterruptedException {
        if (Files.exists(dir.resolve("data/meta.properties"))) {
            return;
        }
        Path idFile = dir.resolve("cluster-id");
        if (!Files.isRegularFile(idFile) || Files.readString(idFile).isBlank()) {
            Files.writeString(idFile, Uuid.randomUuid() + "\n");
        }
        String id = Files.readString(idFile).strip();
        int exit = Tools.run(List.of(config.java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + config.repo().resolve("infra/kafka/log4j2-tools.xml"),
                "-cp", lib() + "/*", "kafka.tools.StorageTool", "format", "-t", id, "-c", conf().toString(),
                "--ignore-formatted"), dir.resolve("logs/format.log"));
        if (exit != 0) {
            throw new StackException("kafka: formatting the storage failed; see " + dir.resolve("logs/format.log"));
        }
    }

    /** Creates the topics that are missing, in one Admin request. */
    public void createTopics() throws StackException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wantedTopics().entrySet().stream().filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("kafka: the broker is up but the topics could not be created: " + e.getMessage(), e);
        }
    }

    /** Topic → partitions: the work topics partitioned (but model-updates: one writer, order matters). */
    public Map<String, Integer> wantedTopics() throws StackException {
        int partitions = config.kafkaPartitions();
        return Topics.all().stream().collect(Collectors.toMap(t -> t, t -> Topics.partitionsOf(t, partitions),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
