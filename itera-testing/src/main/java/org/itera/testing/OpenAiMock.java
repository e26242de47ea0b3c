package org.itera.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.itera.core.json.Json;

/**
 * Scripts an OpenAI-compatible chat-completions endpoint on WireMock with the JSON OpenAI really
 * returns (ids, usage with token details, finish reasons, fingerprints).
 */
public final class OpenAiMock {

    public static final String CHAT_PATH = "/v1/chat/completions";
    private static final AtomicLong IDS = new AtomicLong(1);

    private final WireMockServer server;
    private final HeldCalls held;

    public OpenAiMock(WireMockServer server) {
        this(server, null);
    }

    /** A mock whose server has the {@link HeldCalls} extension registered (see {@link OpenAiMockResource}). */
    public OpenAiMock(WireMockServer server, HeldCalls held) {
        this.server = server;
        this.held = held;
    }

    public WireMockServer server() {
        return server;
    }

    /** Replies with {@code content} to every chat request whose body contains all fragments. */
    public OpenAiMock replyWhen(List<String> bodyFragments, String model, String content, int priority) {
        MappingBuilder request = post(urlEqualTo(CHAT_PATH)).atPriority(priority);
        for (String fragment : bodyFragments) {
            request = request.withRequestBody(containing(fragment));
        }
        server.stubFor(request.willReturn(okJson(model, content)));
        return this;
    }

    /** Replies with {@code content} to any chat request not matched by a more specific stub. */
    public OpenAiMock replyByDefault(String model, String content) {
        server.stubFor(post(urlEqualTo(CHAT_PATH)).atPriority(100).willReturn(okJson(model, content)));
        return this;
    }

    /**
     * Replies with {@code content} to every chat request whose body contains {@code bodyFragment},
     * but holds each such call open until the returned {@link HeldCalls} are released.
     */
    public HeldCalls holdWhen(String bodyFragment, String model, String content) {
        if (held == null) {
            throw new IllegalStateException("this mock's server was started without the held-calls extension");
        }
        held.hold();
        server.stubFor(post(urlEqualTo(CHAT_PATH)).atPriority(1).withRequestBody(containing(bodyFragment))
                .willReturn(okJson(model, content).withTransformers(HeldCalls.NAME)));
        return held;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String model, String content) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_" + IDS.get())
                .withBody(completionJson(model, content, 120 + content.length() / 7, 1 + content.length() / 4));
    }

    /** A chat-completion body as OpenAI returns it. */
    public static String completionJson(String model, String content, int promptTokens, int completionTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", "chatcmpl-itera" + IDS.getAndIncrement());
        body.put("object", "chat.completion");
        body.put("created", 1_764_000_000L);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_itera0test");
        return body.toString();
    }

    /** An error body in OpenAI's shape. */
    public static String errorJson(String message, String type, String code) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", code);
        return body.toString();
    }
}
