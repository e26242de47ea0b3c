package org.itera.modelserver.llama;

import java.util.List;

/** A chat rendered through the model's own template, and its tokens in the model's vocabulary. */
public record Prompt(String text, List<Integer> ids) {

    public Prompt {
        ids = List.copyOf(ids);
    }

    /** Its length in tokens. */
    public int tokens() {
        return ids.size();
    }
}
