package org.itera.modelserver.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OpenAI's error JSON: {@code {"error": {"message", "type", "param", "code"}}}. */
public record ErrorBody(Detail error) {

    public record Detail(String message, String type, String param, String code) {
    }

    public static Response response(int status, String type, String message, String param, String code) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(message, type, param, code)))
                .build();
    }
}
