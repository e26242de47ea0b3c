package org.itera.modelserver.llama;

import java.nio.file.Path;

/**
 * A model this server answers for: a GGUF file of the models directory (loaded at start) or a
 * fine-tuned one (loaded on first use). {@code parent} is the model it was trained from, {@code root}
 * the base model at the start of that chain; both null for a base model.
 */
public record ServedModel(String id, Path file, long created, String parent, String root) {

    public boolean fineTuned() {
        return parent != null;
    }

    /** The base model at the root of the chain: itself for a base model. */
    public String rootId() {
        return root == null ? id : root;
    }
}
