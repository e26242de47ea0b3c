package org.itera.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.itera.core.json.Json;

/**
 * Data files in the shared data sets' format, made for the tests: {@code src/test/resources/fixture-data}
 * holds synthetic PubMedQA and GSM8K rows (seeded, written once; same fields as the shared files),
 * so the reader and push tests run the same on every machine, with or without {@code ../shared}.
 */
final class TestData {

    /** The subjects the reader tests validate against, independent of the team catalog. */
    static final Set<String> SUBJECTS = Set.of("physics", "chemistry", "pubmedqa", "gsm8k");

    private TestData() {
    }

    static Path file(String relative) {
        URL url = TestData.class.getResource("/fixture-data/" + relative);
        if (url == null) {
            throw new IllegalStateException("test resource fixture-data/" + relative + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path pubmedqa() {
        return file("pubmedqa/train.jsonl");
    }

    static Path gsm8k() {
        return file("gsm8k/train.jsonl");
    }

    /** The first {@code n} lines of a data file, verbatim. */
    static List<String> firstLines(Path file, int n) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.limit(n).toList();
        }
    }

    /** How many non-blank lines a data file has. */
    static int rowCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return (int) lines.filter(line -> !line.isBlank()).count();
        }
    }

    /** The {@code id} of one data line. */
    static String idOf(String line) {
        return field(line, "id");
    }

    /** One text field of a data line. */
    static String field(String line, String name) {
        try {
            return Json.mapper().readTree(line).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
