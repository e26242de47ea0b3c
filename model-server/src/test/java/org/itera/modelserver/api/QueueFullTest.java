package org.itera.modelserver.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** With one slot and no queue, a second request at the same time is turned away with 503. */
@QuarkusTest
@TestProfile(QueueFullTest.OneSlotNoQueue.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class QueueFullTest {

    public static class OneSlotNoQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("itera.model-server.parallel", "1",
                    "itera.model-server.queue", "0",
                    "itera.model-server.ctx", "512",
                    "itera.model-server.retry-after-seconds", "3");
        }
    }

    @Test
    void requestsBeyondSlotsAndQueueGet503WithRetryAfter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> Chat.post(Chat.body("Tell me about the moon.", 32, false)), pool));
            }
            int ok = 0;
            int busy = 0;
            for (CompletableFuture<Response> call : calls) {
                Response response = call.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    busy++;
                    ErrorResponseTest.openAiError(response, 503).header("Retry-After", "3");
                }
            }
            assertThat(ok).isPositive();
            assertThat(busy).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSlotIsFreeAgainAfterwards() {
        Chat.post(Chat.body("Say hi.", 4, false)).then().statusCode(200);
        Chat.post(Chat.body("Say hi.", 4, true)).then().statusCode(200);
        Chat.post(Chat.body("Say hi.", 4, false)).then().statusCode(200);
    }
}
