package org.itera.llm;

import java.util.Optional;

/** Keeps the API key out of anything that is logged, sent or stored. */
public final class Secrets {

    private Secrets() {
    }

    public static String redact(String text, Optional<String> secret) {
        if (text == null || secret.isEmpty() || secret.get().isBlank()) {
            return text;
        }
        return text.replace(secret.get(), "***");
    }
}
