package org.itera.e2e;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.itera.testing.FreePorts;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TestLogs;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The root docker-compose.yml, plus {@code compose-openai-mock.yml} (a WireMock as the services'
 * OpenAI endpoint), brought up by Testcontainers with the local {@code docker compose}: the
 * services' images are built ({@code --build}) from their {@code target/quarkus-app}, the project
 * name is random (so its volumes are new and dropped at the end), and every published host port is
 * a free one, so a running {@code docker compose up} of Itera is not in the way. The services'
 * HTTP ports are reached through Testcontainers' ambassador; their output is saved to
 * {@code target/e2e-logs/ComposeIT-<service>.log} when the stack stops.
 */
final class ComposeStack implements AutoCloseable {

    /** The services with an HTTP API and their port inside the network. */
    static final Map<String, Integer> PORTS = Map.of("generator-service", 8081, "filter-service", 8082,
            "feedback-service", 8083, "finetune-service", 8084);
    /** Every service of the default profile with a compose healthcheck. */
    static final List<String> HEALTHCHECKED = List.of("kafka", "mongo", "generator-service", "filter-service",
            "feedback-service", "finetune-service");
    /** The services whose output is saved. */
    static final List<String> LOGGED = List.of("kafka", "kafka-init", "mongo", "openai-mock",
            "generator-service", "filter-service", "feedback-service", "finetune-service");
    private static final Duration READY = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ComposeContainer compose;

    private ComposeStack(ComposeContainer compose) {
        this.compose = compose;
        LOGGED.forEach(service -> TestLogs.add(log(service)));
    }

    /** True when {@code docker compose version} answers: Testcontainers runs the local Compose V2. */
    static boolean composeV2() {
        try {
            Process version = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
            version.getInputStream().transferTo(OutputStream.nullOutputStream());
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ComposeStack up() throws IOException {
        Path repo = Path.of(System.getProperty("itera.repo.dir", "..")).toAbsolutePath().normalize();
        File mock = repo.resolve("itera-e2e/src/test/resources/compose-openai-mock.yml").toFile();
        // the constructor without an image runs the local `docker compose`, which builds from the checkout
        ComposeContainer compose = new ComposeContainer(repo.resolve("docker-compose.yml").toFile(), mock)
                .withBuild(true).withPull(false).withEnv(env()).withStartupTimeout(Duration.ofMinutes(15))
                .waitingFor("kafka", Wait.forHealthcheck().withStartupTimeout(READY))
                .waitingFor("mongo", Wait.forHealthcheck().withStartupTimeout(READY))
                .withExposedService("mongo", 27017, Wait.forListeningPort().withStartupTimeout(READY))
                .withExposedService("openai-mock", 8080, Wait.forHttp("/__admin/health").withStartupTimeout(READY));
        PORTS.forEach((service, port) -> compose
                .withExposedService(service, port, Wait.forHttp("/q/health/ready").forStatusCode(200).withStartupTimeout(READY))
                .waitingFor(service, Wait.forHealthcheck().withStartupTimeout(READY)));
        ComposeStack stack = new ComposeStack(compose);
        try {
            compose.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The compose variables: the mock as OpenAI with the test key, and a free host port for each published one. */
    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("OPENAI_BASE_URL", "http://openai-mock:8080/v1",
                "OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY, "ITERA_BIND", "127.0.0.1"));
        for (String port : List.of("KAFKA_EXTERNAL_PORT", "MONGO_PORT", "FINETUNE_PORT", "GENERATOR_PORTS",
                "FILTER_PORTS", "FEEDBACK_PORTS")) {
            env.put(port, Integer.toString(FreePorts.pick()));
        }
        return env;
    }

    ContainerState container(String service) {
        return compose.getContainerByServiceName(service)
                .orElseThrow(() -> new IllegalStateException("no container of service " + service));
    }

    String mongoUri() {
        return "mongodb://" + compose.getServiceHost("mongo", 27017) + ":" + compose.getServicePort("mongo", 27017);
    }

    WireMock openAiMock() {
        return new WireMock(compose.getServiceHost("openai-mock", 8080), compose.getServicePort("openai-mock", 8080));
    }

    HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return HTTP.send(request(service, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String service, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(service, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String service, String path) {
        int port = PORTS.get(service);
        return HttpRequest.newBuilder(URI.create("http://" + compose.getServiceHost(service, port) + ":"
                + compose.getServicePort(service, port) + path)).timeout(Duration.ofSeconds(10));
    }

    /** Saves every service's output, then {@code docker compose down -v}. */
    @Override
    public void close() {
        for (String service : LOGGED) {
            compose.getContainerByServiceName(service).ifPresent(container -> {
                try {
                    Files.createDirectories(log(service).getParent());
                    Files.writeString(log(service), container.getLogs());
                } catch (IOException | RuntimeException e) {
                    System.err.println("could not save the output of " + service + ": " + e);
                }
            });
        }
        compose.stop();
    }

    private static Path log(String service) {
        return Path.of("target", "e2e-logs", "ComposeIT-" + service + ".log");
    }

}
