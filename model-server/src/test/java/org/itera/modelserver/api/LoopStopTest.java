package org.itera.modelserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

/** Replies that fall into a loop end there (the default), on the real model and engine. */
@QuarkusTest
@QuarkusTestResource(SmolLm2ModelResource.class)
class LoopStopTest {

    @Test
    void aLoopingReplyEndsAtTheThirdCopyOfItsLineWithFinishReasonLength() {
        JsonPath reply = Chat.post(LoopPrompt.body(256, false)).then().statusCode(200).extract().jsonPath();

        String content = reply.getString("choices[0].message.content");
        assertThat(LoopPrompt.copies(content)).isEqualTo(3);
        assertThat(content.strip()).endsWith(LoopPrompt.LOOPED_LINE);
        assertThat(reply.getString("choices[0].finish_reason")).isEqualTo("length");
        assertThat(reply.getInt("usage.completion_tokens")).isBetween(10, 60);
    }

    @Test
    void theCutReplyIsWhatThatManyTokensGiveAndStreamingCutsItTheSame() {
        JsonPath cut = Chat.post(LoopPrompt.body(256, false)).then().statusCode(200).extract().jsonPath();
        int tokens = cut.getInt("usage.completion_tokens");

        JsonPath budget = Chat.post(LoopPrompt.body(tokens, false)).then().statusCode(200).extract().jsonPath();
        SseEvents streamed = SseEvents.parse(Chat.post(LoopPrompt.body(256, true)).then().statusCode(200)
                .extract().asString());

        String content = cut.getString("choices[0].message.content");
        assertThat(budget.getString("choices[0].message.content")).as("max_tokens %d", tokens).isEqualTo(content);
        assertThat(streamed.content()).isEqualTo(content);
        assertThat(streamed.finishReason()).isEqualTo("length");
        assertThat(streamed.done()).isTrue();
    }
}
