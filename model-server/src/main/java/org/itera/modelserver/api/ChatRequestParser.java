package org.itera.modelserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.itera.modelserver.llama.ChatMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and checks the JSON body of POST /v1/chat/completions; every problem is a 400. */
final class ChatRequestParser {

    static final int MAX_N = 8;
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatRequestParser() {
    }

    static ChatRequest parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("The body is not valid JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("The body must be a JSON object", null);
        }
        JsonNode model = root.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw ApiException.invalid("'model' is required and must be a string", "model");
        }
        JsonNode options = root.path("stream_options");
        return new ChatRequest(model.asText(), messages(root.path("messages")),
                (float) number(root, "temperature", 0, 2, 1.0),
                (float) number(root, "top_p", 0, 1, 1.0),
                maxTokens(root),
                stop(root.path("stop")),
                seed(root.path("seed")),
                (int) integer(root, "n", 1, MAX_N, 1),
                bool(root, "stream"),
                options.path("include_usage").asBoolean(false));
    }

    private static List<ChatMessage> messages(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw ApiException.invalid("'messages' is required: a non-empty array of {role, content}", "messages");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode message = node.get(i);
            String param = "messages[" + i + "]";
            JsonNode role = message.path("role");
            if (!role.isTextual() || !ROLES.contains(role.asText())) {
                throw ApiException.invalid("'role' must be one of " + ROLES, param + ".role");
            }
            String mapped = role.asText().equals("developer") ? "system" : role.asText();
            messages.add(new ChatMessage(mapped, content(message.path("content"), param + ".content")));
        }
        return messages;
    }

    /** A string, or an array of parts of which the text parts are joined. */
    private static String content(JsonNode node, String param) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : node) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw ApiException.invalid("only text content parts are supported", param);
                }
                text.append(part.path("text").asText());
            }
            return text.toString();
        }
        throw ApiException.invalid("'content' must be a string or an array of text parts", param);
    }

    private static Integer maxTokens(JsonNode root) {
        String field = root.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        return root.hasNonNull(field) ? (int) integer(root, field, 1, Integer.MAX_VALUE, 1) : null;
    }

    private static List<String> stop(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return node.asText().isEmpty() ? List.of() : List.of(node.asText());
        }
        if (node.isArray() && node.size() <= 4) {
            List<String> stops = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw ApiException.invalid("'stop' entries must be strings", "stop");
                }
                if (!item.asText().isEmpty()) {
                    stops.add(item.asText());
                }
            }
            return stops;
        }
        throw ApiException.invalid("'stop' must be a string or an array of up to 4 strings", "stop");
    }

    private static Integer seed(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw ApiException.invalid("'seed' must be an integer", "seed");
        }
        // llama.cpp takes a 32-bit non-negative seed; larger ones are folded into that range.
        return (int) (node.asLong() & 0x7fffffffL);
    }

    private static double number(JsonNode root, String field, double min, double max, double fallback) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw ApiException.invalid("'" + field + "' must be a number from " + min + " to " + max, field);
        }
        return node.asDouble();
    }

    private static long integer(JsonNode root, String field, long min, long max, long fallback) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw ApiException.invalid("'" + field + "' must be an integer from " + min + " to " + max, field);
        }
        return node.asLong();
    }

    private static boolean bool(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalid("'" + field + "' must be a boolean", field);
        }
        return node.asBoolean();
    }
}
