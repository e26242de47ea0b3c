package org.itera.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.core.team.AgentCaller;

/**
 * One blocking chat-completions call per turn with the JDK's HTTP client, as a script would make
 * it: build the JSON, post it, read the reply's content and usage.
 */
public final class HttpAgentCaller implements AgentCaller {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI chat;
    private final String model;

    public HttpAgentCaller(String baseUrl, String model) {
        this.chat = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.model = model;
    }

    @Override
    public Turn call(String agentId, String role, List<ChatMessage> messages) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request(messages), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + chat + ": " + response.body());
            }
            JsonNode body = Json.mapper().readTree(response.body());
            String content = body.path("choices").path(0).path("message").path("content").asText("");
            TokenUsage usage = new TokenUsage(body.path("usage").path("prompt_tokens").asInt(),
                    body.path("usage").path("completion_tokens").asInt());
            return new Turn(role, body.path("model").asText(model), messages, content, usage,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (IOException e) {
            throw new IllegalStateException("call to " + chat + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest request(List<ChatMessage> messages) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("temperature", 0.7);
        body.put("max_tokens", 1024);
        var list = body.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role()).put("content", m.content()));
        return HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(120))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
