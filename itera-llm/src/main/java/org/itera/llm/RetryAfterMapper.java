package org.itera.llm;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener;
import org.itera.core.retry.RetryAfter;

/**
 * Keeps the server's {@code Retry-After} of an error answer of the LLM endpoint. quarkus-langchain4j
 * turns an error answer into langchain4j's {@code HttpException}, which has the status and the body
 * but not the headers; this mapper, registered on every REST client the service builds by hand (the
 * OpenAI ones are the only ones; through {@code META-INF/services}, like {@link LlmConnectionPool}),
 * runs before quarkus-langchain4j's and throws a {@link RetryAfterHttpException} instead for an
 * error answer with a readable {@code Retry-After}. Any other answer is left to quarkus-langchain4j.
 */
public class RetryAfterMapper implements ResponseExceptionMapper<RetryAfterHttpException>, RestClientBuilderListener {

    /** Before quarkus-langchain4j's {@code @ClientExceptionMapper} (priority {@link Priorities#USER}). */
    static final int PRIORITY = Priorities.USER - 100;

    @Override
    public void onNewBuilder(RestClientBuilder builder) {
        builder.register(new RetryAfterMapper(), PRIORITY);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 && headers != null && headers.getFirst(RetryAfter.HEADER) != null;
    }

    @Override
    public RetryAfterHttpException toThrowable(Response response) {
        Duration retryAfter = RetryAfter.parse(response.getHeaderString(RetryAfter.HEADER));
        if (retryAfter == null) {
            return null;
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new RetryAfterHttpException(response.getStatus(), body, retryAfter);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
