package org.itera.core.team;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prompt texts kept as class-path resources under {@code prompts/}, read once and cached. */
public final class PromptLibrary {

    private final ClassLoader loader;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public PromptLibrary(ClassLoader loader) {
        this.loader = loader;
    }

    public String text(String path) {
        return cache.computeIfAbsent(path, this::read);
    }

    List<String> lines(String path) {
        return text(path).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    void requireRole(RoleDefinition role) {
        text(role.systemPrompt());
        text(role.userPrompt());
    }

    private String read(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
