package org.itera.finetune.openai.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.itera.core.json.Json;
import org.itera.core.retry.RetryAfter;

/**
 * Turns an error answer (status 400 and above) into an {@link OpenAiApiException} with the status,
 * the API's {@code error.message} (else the start of the body) and the server's {@code Retry-After}.
 */
final class ApiErrorMapper implements ResponseExceptionMapper<OpenAiApiException> {

    private static final int MAX_TEXT = 300;

    @Override
    public OpenAiApiException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new OpenAiApiException(response.getStatus(), "HTTP " + response.getStatus() + ": " + errorOf(body),
                retryAfter(response.getStringHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static String errorOf(String body) {
        try {
            JsonNode message = Json.mapper().readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: use the text
        }
        return body == null ? "" : body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "..." : body;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        return RetryAfter.parse(value);
    }
}
