package org.itera.modelserver.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(SmolLm2ModelResource.class)
class ErrorResponseTest {

    @Test
    void malformedJsonIs400() {
        openAiError(Chat.post("{\"model\": \"smollm2-135m\", \"messages\": ["), 400)
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void missingMessagesIs400() {
        openAiError(Chat.post("{\"model\": \"smollm2-135m\"}"), 400)
                .body("error.param", equalTo("messages"));
    }

    @Test
    void aBadParameterIs400() {
        openAiError(Chat.post(Chat.body("hi", 8, false).replace("\"temperature\": 0", "\"temperature\": 7")), 400)
                .body("error.param", equalTo("temperature"));
    }

    @Test
    void unknownModelIs404() {
        openAiError(Chat.post(Chat.body("hi", 8, false).replace(Chat.MODEL, "no-such-model")), 404)
                .body("error.code", equalTo("model_not_found"))
                .body("error.param", equalTo("model"));
    }

    @Test
    void aPromptLongerThanTheContextIs400() {
        String longText = "the quick brown fox jumps over the lazy dog ".repeat(400);
        openAiError(Chat.post(Chat.body(longText, 8, false)), 400)
                .body("error.code", equalTo("context_length_exceeded"));
    }

    static ValidatableResponse openAiError(io.restassured.response.Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType(containsString("application/json"))
                .body("error.message", notNullValue())
                .body("error.type", notNullValue())
                .body("error", org.hamcrest.Matchers.hasKey("param"))
                .body("error", org.hamcrest.Matchers.hasKey("code"))
                .body(not(containsString("\tat ")));
    }
}
