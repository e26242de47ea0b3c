package org.itera.modelserver.llama;

/** One message of a chat, as the model's chat template sees it. */
public record ChatMessage(String role, String content) {
}
