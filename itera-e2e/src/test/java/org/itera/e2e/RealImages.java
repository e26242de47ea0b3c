package org.itera.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.TestLogs;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker and the store of docker-compose.yml as Testcontainers containers: its Kafka image
 * (KRaft, one node, topics created by the test as on the embedded broker, none created on demand)
 * and its MongoDB image (standalone, as compose runs it). Each container's output goes to
 * {@code target/e2e-logs/<test class>-<image>.log} when it stops.
 */
final class RealImages implements AutoCloseable {

    static final String KAFKA = "KAFKA_IMAGE";
    static final String MONGO = "MONGO_IMAGE";

    private final String owner;
    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private RealImages(String owner, KafkaContainer kafka, MongoDBContainer mongo) {
        this.owner = owner;
        this.kafka = kafka;
        this.mongo = mongo;
        TestLogs.add(log(kafka));
        TestLogs.add(log(mongo));
    }

    /** Starts both (in parallel); {@code owner} begins the names of their log files. */
    static RealImages start(String owner) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(image(KAFKA)).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(image(MONGO)).asCompatibleSubstituteFor("mongo"));
        RealImages images = new RealImages(owner, kafka, mongo);
        try {
            Startables.deepStart(kafka, mongo).join();
            KafkaBrokerResource.createTopics(kafka.getBootstrapServers());
            return images;
        } catch (RuntimeException e) {
            images.close();
            throw e;
        }
    }

    Infra infra() {
        return new Infra(kafka.getBootstrapServers(), mongo.getConnectionString());
    }

    /**
     * The image docker-compose.yml runs for {@code ${variable:-default}}: the variable's value when
     * it is set (compose reads the same), else the file's default.
     */
    static String image(String variable) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            return set;
        }
        Path file = Path.of(System.getProperty("itera.repo.dir", "..")).resolve("docker-compose.yml");
        try {
            Matcher image = Pattern.compile("\\$\\{" + variable + ":-([^}]+)}").matcher(Files.readString(file));
            if (!image.find()) {
                throw new IllegalStateException(file + " names no default for " + variable);
            }
            return image.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log(GenericContainer<?> container) {
        String image = container.getDockerImageName().replaceAll("[^A-Za-z0-9.-]", "_");
        return Path.of("target", "e2e-logs", owner + "-" + image + ".log");
    }

    @Override
    public void close() {
        for (GenericContainer<?> container : new GenericContainer<?>[] {kafka, mongo}) {
            try {
                if (container.isRunning()) {
                    Files.createDirectories(log(container).getParent());
                    Files.writeString(log(container), container.getLogs());
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("could not save the output of " + container.getDockerImageName() + ": " + e);
            } finally {
                container.stop();
            }
        }
    }
}
