package org.itera.generator.messaging;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The {@link FaultyOpenAi} endpoint on a free loopback port, with a recognisable API key that the
 * test checks never leaks.
 */
public class FaultyOpenAiResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sk-itera-faults-NEVER-LOG-ME-7f3a9c21";
    private static final FaultyOpenAi MOCK = new FaultyOpenAi();

    private WireMockServer server;

    static FaultyOpenAi mock() {
        return MOCK;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(150).jettyAcceptors(2).extensions(MOCK));
        server.start();
        MOCK.attach(server);
        return Map.of("itera.llm.base-url", server.baseUrl() + "/v1", "itera.llm.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
