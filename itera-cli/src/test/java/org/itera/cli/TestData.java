package org.itera.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.itera.core.json.Json;

/** The shared benchmark data, read in place; tests that need it are skipped when it is absent. */
final class TestData {

    /** The subjects the reader tests validate against, independent of the team catalog. */
    static final Set<String> SUBJECTS = Set.of("physics", "chemistry", "pubmedqa", "gsm8k");

    private TestData() {
    }

    /** The data folder: {@code itera.data.dir} when it exists, else ../../shared/data. */
    static Path dir() {
        String configured = System.getProperty("itera.data.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        Path fallback = Path.of("../../shared/data");
        assumeTrue(Files.isDirectory(fallback), "shared data not found; set -Ditera.data.dir");
        return fallback;
    }

    static Path file(String relative) {
        Path file = dir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "no " + file);
        return file;
    }

    static Path pubmedqa() {
        return file("pubmedqa/train.jsonl");
    }

    /** The first {@code n} lines of a data file, verbatim. */
    static List<String> firstLines(Path file, int n) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.limit(n).toList();
        }
    }

    /** The {@code id} of one data line. */
    static String idOf(String line) {
        try {
            return Json.mapper().readTree(line).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
