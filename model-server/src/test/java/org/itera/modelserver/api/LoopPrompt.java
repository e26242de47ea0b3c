package org.itera.modelserver.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A calculator request from a real offline round (2026-12-01) to which SmolLM2-135M, decoding
 * greedily, answers one line and then writes "The answer is 17." until max_tokens runs out.
 */
final class LoopPrompt {

    static final String LOOPED_LINE = "The answer is 17.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopPrompt() {
    }

    static String body(int maxTokens, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", Chat.MODEL).put("max_tokens", maxTokens)
                .put("temperature", 0).put("stream", stream);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You solve arithmetic word problems. Write one "
                + "calculation per line, like 12 + 5 = 17, and use each result in the next line.");
        messages.addObject().put("role", "user").put("content", "Problem:\nA parking lot has 9 cars in it. 7 more "
                + "cars park there. How many cars are in the parking lot now?\n\nWork it out step by step.");
        return body.toString();
    }

    static int copies(String text) {
        return text.split(java.util.regex.Pattern.quote(LOOPED_LINE), -1).length - 1;
    }
}
