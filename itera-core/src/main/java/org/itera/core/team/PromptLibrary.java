package org.itera.core.team;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Whether a prompt resource of that name exists. */
    public boolean exists(String path) {
        return cache.containsKey(path) || loader.getResource(path) != null;
    }

    List<String> lines(String path) {
        return text(path).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /**
     * The meaningful lines (not blank, not {@code #} comments) of every resource of that name on
     * the class path, in class-path order, each line once: a jar or a test folder may add teams
     * with an index of its own. None at all is an error when {@code required}, else no lines.
     */
    List<String> linesOfEvery(String path, boolean required) {
        Set<String> lines = new LinkedHashSet<>();
        try {
            Enumeration<URL> resources = loader.getResources(path);
            if (required && !resources.hasMoreElements()) {
                throw new IllegalStateException("prompt resource " + path + " is missing");
            }
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(lines::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return List.copyOf(lines);
    }

    void requireRole(RoleDefinition role) {
        text(role.systemPrompt());
        text(role.userPrompt());
        role.steps().values().forEach(this::text);
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
