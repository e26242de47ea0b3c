package org.itera.modelserver.finetune;

import java.util.ArrayList;
import java.util.List;

/** Small chat training files in OpenAI's JSONL format. */
final class TrainingData {

    private TrainingData() {
    }

    static String line(String question, String answer) {
        return """
                {"messages": [{"role": "system", "content": "You are a careful calculator."}, \
                {"role": "user", "content": "%s"}, {"role": "assistant", "content": "%s"}]}"""
                .formatted(question, answer);
    }

    /** {@code n} arithmetic examples, with {@code marker} (for the fake trainer) in the first question. */
    static String arithmetic(int n, String marker) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String question = (i == 0 ? marker + " " : "") + "What is " + (i + 2) + " + " + (i + 3) + "?";
            lines.add(line(question.strip(), "Answer: " + (2 * i + 5)));
        }
        return String.join("\n", lines) + "\n";
    }
}
