package org.itera.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.json.Json;

/**
 * PubMedQA rows as task events for the {@code tasks} topic: the shared data's when
 * {@code ../shared/data} is there, else rows of the same shape made here (seeded, so every run
 * gets the same ones), so the tests run either way.
 */
final class PubMedQaTasks {

    private PubMedQaTasks() {
    }

    static Path dataDir() {
        return Path.of(System.getProperty("itera.data.dir", "../../shared/data"));
    }

    static List<ObjectNode> first(int count) throws IOException {
        return rows(0, count);
    }

    static List<ObjectNode> rows(int skip, int count) throws IOException {
        Path file = dataDir().resolve("pubmedqa/train.jsonl");
        if (!Files.exists(file)) {
            return java.util.stream.IntStream.range(skip, skip + count).mapToObj(PubMedQaTasks::made).toList();
        }
        try (var lines = Files.lines(file)) {
            return lines.skip(skip).limit(count).map(PubMedQaTasks::toTask).toList();
        }
    }

    private static final String[] ANSWERS = {"yes", "no", "maybe"};
    private static final String[] TREATMENTS = {"daily walking", "a low-salt diet", "vitamin D", "early mobilisation",
            "group therapy", "a text-message reminder", "intermittent fasting", "a school breakfast programme"};
    private static final String[] OUTCOMES = {"blood pressure", "hospital stay", "bone density", "relapse",
            "adherence", "reading scores", "wound healing", "sleep quality"};

    /** Row {@code n} of the made-up PubMedQA set: a question, an abstract-like context and its label. */
    private static ObjectNode made(int n) {
        String treatment = TREATMENTS[n % TREATMENTS.length];
        String outcome = OUTCOMES[(n / TREATMENTS.length + n) % OUTCOMES.length];
        String answer = ANSWERS[n % ANSWERS.length];
        ObjectNode row = Json.mapper().createObjectNode();
        row.put("id", "pubmedqa/made-" + n);
        row.put("question", "Does " + treatment + " change " + outcome + " in cohort " + n + "?");
        row.put("context", "BACKGROUND: A trial of " + treatment + ". RESULTS: " + outcome + " was measured in "
                + (40 + n) + " patients over " + (6 + n % 5) + " months.");
        row.putArray("choices").add("yes").add("no").add("maybe");
        row.put("answer", answer);
        return row.put("setting", "problem-solving").put("subject", "pubmedqa").put("split", "train");
    }

    private static ObjectNode toTask(String line) {
        try {
            ObjectNode row = (ObjectNode) Json.mapper().readTree(line);
            row.remove(List.of("source", "meta"));
            return row.put("setting", "problem-solving").put("subject", "pubmedqa").put("split", "train");
        } catch (IOException e) {
            throw new IllegalStateException("unreadable data line", e);
        }
    }

    static String wrongAnswer(String expected) {
        return "yes".equals(expected) ? "no" : "yes";
    }
}
