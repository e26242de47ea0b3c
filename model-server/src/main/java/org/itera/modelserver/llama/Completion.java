package org.itera.modelserver.llama;

/** A finished completion: its text, the tokens the model generated for it, and why it stopped. */
public record Completion(String text, int tokens, FinishReason finishReason) {
}
