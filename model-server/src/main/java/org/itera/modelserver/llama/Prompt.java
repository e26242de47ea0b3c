package org.itera.modelserver.llama;

/** A chat rendered through the model's own template, with its length in the model's tokens. */
public record Prompt(String text, int tokens) {
}
