package org.itera.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message of an OpenAI-style chat: {@code system}, {@code user} or {@code assistant}. An
 * assistant message may carry {@code weight} 0 (OpenAI's fine-tuning format): it stays in the
 * conversation a model is trained on, but is no training target (e.g. a game's practice moves);
 * null is the default, a target.
 */
public record ChatMessage(String role, String content, @JsonInclude(JsonInclude.Include.NON_NULL) Integer weight) {

    public ChatMessage(String role, String content) {
        this(role, content, null);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }

    /** An assistant message that is shown but never trained on. */
    public static ChatMessage example(String content) {
        return new ChatMessage("assistant", content, 0);
    }
}
