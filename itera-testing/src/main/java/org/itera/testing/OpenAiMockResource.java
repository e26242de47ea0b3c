package org.itera.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock in this JVM standing in for an OpenAI-compatible endpoint, on a free loopback port.
 * Sets {@code itera.llm.base-url} and a dummy API key that tests check never leaks.
 */
public class OpenAiMockResource implements QuarkusTestResourceLifecycleManager {

    /** The API key the services are given in tests; it must never appear in messages or documents. */
    public static final String TEST_API_KEY = "sk-itera-test-secret-0123456789";

    private WireMockServer server;
    private final HeldCalls held = new HeldCalls();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(150).jettyAcceptors(2).extensions(held));
        server.start();
        return Map.of("itera.llm.base-url", server.baseUrl() + "/v1",
                "itera.llm.api-key", TEST_API_KEY);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new OpenAiMock(server, held),
                new TestInjector.AnnotatedAndMatchesType(InjectOpenAiMock.class, OpenAiMock.class));
    }

    @Override
    public void stop() {
        held.release();
        if (server != null) {
            server.stop();
        }
    }
}
