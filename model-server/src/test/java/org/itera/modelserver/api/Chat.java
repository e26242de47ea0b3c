package org.itera.modelserver.api;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** Builds chat-completion requests for the tests and sends them. */
final class Chat {

    static final String MODEL = "smollm2-135m";

    private Chat() {
    }

    /** A greedy (temperature 0), seeded request for one user message. */
    static String body(String question, int maxTokens, boolean stream) {
        return """
                {"model": "%s", "messages": [{"role": "user", "content": "%s"}],
                 "max_tokens": %d, "temperature": 0, "seed": 42, "stream": %s}
                """.formatted(MODEL, question, maxTokens, stream);
    }

    static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/chat/completions");
    }
}
