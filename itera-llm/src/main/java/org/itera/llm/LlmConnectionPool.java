package org.itera.llm;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * Sizes the HTTP connection pool of the OpenAI client from {@code itera.llm.connections}.
 * quarkus-langchain4j builds that REST client itself and leaves the pool at the REST client's
 * default of 50 connections, which capped calls in flight at 50 whatever the configured
 * concurrency; each service sets the property from the work it keeps in flight. Registered through
 * {@code META-INF/services}, so it applies to every REST client the service builds by hand (the
 * OpenAI ones are the only ones).
 */
public class LlmConnectionPool implements RestClientBuilderListener {

    static final String PROPERTY = "itera.llm.connections";

    @Override
    public void onNewBuilder(RestClientBuilder builder) {
        ConfigProvider.getConfig().getOptionalValue(PROPERTY, Integer.class)
                .filter(size -> size > 0)
                .ifPresent(size -> builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, size));
    }
}
