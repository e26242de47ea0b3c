package org.itera.bench.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import org.itera.core.json.Json;

/** The body of an OpenAI chat completion, as OpenAI writes it, around a fixed reply. */
final class ChatReply {

    private static final AtomicLong IDS = new AtomicLong(1);

    private ChatReply() {
    }

    static String completion(String requestBody, String content) {
        String model = modelOf(requestBody);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", "chatcmpl-bench" + IDS.getAndIncrement());
        body.put("object", "chat.completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        int prompt = Math.max(1, requestBody.length() / 4);
        int completion = Math.max(1, content.length() / 4);
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        body.put("system_fingerprint", "fp_bench");
        return body.toString();
    }

    private static String modelOf(String requestBody) {
        try {
            JsonNode model = Json.mapper().readTree(requestBody).get("model");
            return model == null || model.isNull() ? "bench-model" : model.asText();
        } catch (JsonProcessingException e) {
            return "bench-model";
        }
    }
}
