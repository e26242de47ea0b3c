package org.itera.modelserver.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(SmolLm2ModelResource.class)
class ChatCompletionTest {

    @Test
    void aCutCompletionReportsConsistentUsageAndFinishReasonLength() {
        JsonPath reply = Chat.post(Chat.body("Write a long story about a dragon.", 12, false))
                .then().statusCode(200).extract().jsonPath();

        assertThat(reply.getString("object")).isEqualTo("chat.completion");
        assertThat(reply.getString("id")).startsWith("chatcmpl-");
        assertThat(reply.getString("model")).isEqualTo(Chat.MODEL);
        assertThat(reply.getLong("created")).isPositive();
        assertThat(reply.getString("choices[0].message.role")).isEqualTo("assistant");
        assertThat(reply.getString("choices[0].message.content")).isNotBlank();
        assertThat(reply.getString("choices[0].finish_reason")).isEqualTo("length");
        int prompt = reply.getInt("usage.prompt_tokens");
        int completion = reply.getInt("usage.completion_tokens");
        assertThat(prompt).isPositive();
        assertThat(completion).isEqualTo(12);
        assertThat(reply.getInt("usage.total_tokens")).isEqualTo(prompt + completion);
    }

    @Test
    void aShortAnswerStopsOnItsOwnWithinMaxTokens() {
        JsonPath reply = Chat.post(Chat.body("Reply with the single word: yes", 32, false))
                .then().statusCode(200).extract().jsonPath();

        int completion = reply.getInt("usage.completion_tokens");
        assertThat(completion).isBetween(1, 32);
        String reason = reply.getString("choices[0].finish_reason");
        assertThat(reason).isIn("stop", "length");
        assertThat(reason.equals("length")).isEqualTo(completion == 32);
    }

    @Test
    void sameSeedAtTemperatureZeroGivesTheSameContent() {
        String body = Chat.body("Name a fruit and say why you like it.", 10, false);
        String first = Chat.post(body).then().statusCode(200).extract().path("choices[0].message.content");
        String second = Chat.post(body).then().statusCode(200).extract().path("choices[0].message.content");

        assertThat(first).isNotBlank().isEqualTo(second);
    }

    @Test
    void eightConcurrentRequestsAllComplete() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = Chat.body("Count from " + i + " to " + (i + 5) + ".", 16, false);
                calls.add(CompletableFuture.supplyAsync(() -> Chat.post(body), pool));
            }
            for (CompletableFuture<Response> call : calls) {
                JsonPath reply = call.get().then().statusCode(200).extract().jsonPath();
                assertThat(reply.getInt("usage.completion_tokens")).isBetween(1, 16);
                assertThat(reply.getString("choices[0].message.content")).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamedChunksAddUpToTheWholeCompletion() {
        String question = "Describe the sea in one sentence.";
        String whole = Chat.post(Chat.body(question, 10, false)).then().statusCode(200)
                .extract().path("choices[0].message.content");

        Response stream = Chat.post(Chat.body(question, 10, true));
        stream.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/event-stream"));
        SseEvents events = SseEvents.parse(stream.asString());

        assertThat(events.done()).isTrue();
        assertThat(events.chunks()).allSatisfy(chunk ->
                assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk"));
        assertThat(events.content()).isEqualTo(whole);
        assertThat(events.finishReason()).isIn("stop", "length");
    }

    @Test
    void modelsListsTheFileByName() {
        JsonPath list = given().when().get("/v1/models").then().statusCode(200).extract().jsonPath();

        assertThat(list.getString("object")).isEqualTo("list");
        assertThat(list.getList("data.id", String.class)).contains(SmolLm2ModelResource.MODEL_ID);
        assertThat(list.getList("data.object", String.class)).containsOnly("model");
    }

    @Test
    void theFileNameWorksAsWellAsTheAlias() {
        String body = Chat.body("Say hi.", 4, false).replace(Chat.MODEL, SmolLm2ModelResource.MODEL_ID);
        Chat.post(body).then().statusCode(200);
    }
}
