package org.itera.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service was started with, kept beside its pid file ({@code <name>.conf}), so that a run
 * reusing it can say when it asks for other settings: the service's own environment, every
 * {@code ITERA_*} and {@code QUARKUS_*} variable, and whether an API key was set (never the key).
 */
final class ServiceSettings {

    private ServiceSettings() {
    }

    static Map<String, String> of(StackConfig config, Component component) {
        Map<String, String> settings = new TreeMap<>();
        config.env().forEach((key, value) -> {
            if (key.startsWith("ITERA_") || key.startsWith("QUARKUS_")) {
                settings.put(key, value);
            }
        });
        settings.putAll(config.serviceEnv(component));
        settings.put("OPENAI_API_KEY", config.env().getOrDefault("OPENAI_API_KEY", "").isBlank() ? "unset" : "set");
        return settings;
    }

    static void save(Path file, Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        settings.forEach((key, value) -> lines.add(key + "=" + value));
        Files.write(file, lines);
    }

    /** The settings that differ from the saved ones, as "KEY: running with 'a', asked for 'b'". */
    static List<String> differences(Path file, Map<String, String> wanted) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, String> running = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                running.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        List<String> differ = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(java.util.Set.copyOf(concat(running.keySet(), wanted.keySet())))) {
            String was = running.getOrDefault(key, "");
            String now = wanted.getOrDefault(key, "");
            if (!was.equals(now)) {
                differ.add(key + ": running with '" + was + "', asked for '" + now + "'");
            }
        }
        return differ;
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
