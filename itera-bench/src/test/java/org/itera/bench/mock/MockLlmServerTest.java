package org.itera.bench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

/** The benchmark's mock answers like OpenAI, after its latency, and counts what it held at once. */
class MockLlmServerTest {

    static final int CALLS = 20;

    @Test
    void holdsEveryCallForItsLatencyAndCountsThePeak() throws Exception {
        try (MockLlmServer mock = MockLlmServer.start(0, Duration.ofMillis(1500), "Answer: 4")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI chat = URI.create("http://127.0.0.1:" + mock.port() + "/v1/chat/completions");
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(chat).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"m-" + i + "\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < CALLS; i++) {
                HttpResponse<String> response = calls.get(i).get();
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode body = Json.mapper().readTree(response.body());
                assertThat(body.path("object").asText()).isEqualTo("chat.completion");
                assertThat(body.path("model").asText()).isEqualTo("m-" + i);
                assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Answer: 4");
                assertThat(body.path("usage").path("total_tokens").asInt()).isPositive();
            }
            assertThat(mock.calls().answered()).isEqualTo(CALLS);
            assertThat(mock.calls().inFlight()).isZero();
            // sent within far less than the latency, so most were held at the same time
            assertThat(mock.calls().peak()).isGreaterThan(CALLS / 2);

            HttpResponse<String> reset = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mock.port() + "/stats/reset")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(Json.mapper().readTree(reset.body()).path("peakInFlight").asInt()).isZero();
            HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mock.port() + "/v1/models")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }
}
