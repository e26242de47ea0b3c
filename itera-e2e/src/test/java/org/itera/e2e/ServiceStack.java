package org.itera.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itera.testing.OpenAiMockResource;

/**
 * The packaged services of one scenario, as processes wired to a broker and a store (this JVM's
 * own, or any given {@link Infra}) and to a WireMock standing in for the OpenAI-compatible
 * endpoint; closed together.
 */
final class ServiceStack implements AutoCloseable {

    private final Infra infra;
    private final WireMockServer llm;
    private final List<ServiceProcess> services = new ArrayList<>();
    private MongoClient mongo;

    private static final String FEEDBACK = "feedback-service";

    private ServiceStack(Infra infra, WireMockServer llm) {
        this.infra = infra;
        this.llm = llm;
    }

    /** {@link #start(Infra, Map, Duration, String...)} over this JVM's broker and store. */
    static ServiceStack start(Map<String, String> extraEnv, Duration readyTimeout, String... modules) throws Exception {
        return start(Infra.inJvm(), extraEnv, readyTimeout, modules);
    }

    /** Starts the modules with the common settings plus {@code extraEnv}, and waits until all are ready. */
    static ServiceStack start(Infra infra, Map<String, String> extraEnv, Duration readyTimeout, String... modules)
            throws Exception {
        WireMockServer llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        ServiceStack stack = new ServiceStack(infra, llm);
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.kafka(),
                "MONGODB_URI", infra.mongoUri(), "OPENAI_BASE_URL", llm.baseUrl() + "/v1",
                "OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY));
        env.putAll(extraEnv);
        try {
            // feedback-service first: filter-service asks it whether the repair loop is paused
            Map<String, ServiceProcess> started = new HashMap<>();
            if (List.of(modules).contains(FEEDBACK)) {
                ServiceProcess feedback = ServiceProcess.start(FEEDBACK, env);
                started.put(FEEDBACK, feedback);
                env.put("ITERA_FEEDBACK_URL", "http://127.0.0.1:" + feedback.port());
            }
            for (String module : modules) {
                stack.services.add(started.containsKey(module) ? started.get(module) : ServiceProcess.start(module, env));
            }
            for (ServiceProcess service : stack.services) {
                service.awaitReady(readyTimeout);
            }
            stack.mongo = MongoClients.create(infra.mongoUri());
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    /** The bootstrap servers of the stack's broker. */
    String kafka() {
        return infra.kafka();
    }

    WireMockServer llm() {
        return llm;
    }

    List<ServiceProcess> services() {
        return services;
    }

    MongoDatabase db() {
        return mongo.getDatabase("itera");
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        llm.stop();
    }
}
