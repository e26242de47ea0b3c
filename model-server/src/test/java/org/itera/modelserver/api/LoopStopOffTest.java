package org.itera.modelserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

/** With {@code itera.model-server.engine.stop-loops=false} a looping reply runs to max_tokens. */
@QuarkusTest
@TestProfile(LoopStopOffTest.LoopsKept.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class LoopStopOffTest {

    public static class LoopsKept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("itera.model-server.engine.stop-loops", "false");
        }
    }

    @Test
    void aLoopingReplyRunsOnToMaxTokens() {
        JsonPath reply = Chat.post(LoopPrompt.body(96, false)).then().statusCode(200).extract().jsonPath();

        assertThat(reply.getInt("usage.completion_tokens")).isEqualTo(96);
        assertThat(reply.getString("choices[0].finish_reason")).isEqualTo("length");
        assertThat(LoopPrompt.copies(reply.getString("choices[0].message.content"))).isGreaterThan(3);
    }
}
