package org.itera.modelserver.api;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;

/** The events of a streamed chat completion, read from the raw SSE text. */
record SseEvents(List<JsonPath> chunks, boolean done) {

    static SseEvents parse(String text) {
        List<JsonPath> chunks = new ArrayList<>();
        boolean done = false;
        for (String line : text.split("\n")) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            String data = line.substring("data: ".length());
            if (data.equals("[DONE]")) {
                done = true;
            } else {
                chunks.add(JsonPath.from(data));
            }
        }
        return new SseEvents(chunks, done);
    }

    String content() {
        StringBuilder content = new StringBuilder();
        for (JsonPath chunk : chunks) {
            String piece = chunk.getString("choices[0].delta.content");
            if (piece != null) {
                content.append(piece);
            }
        }
        return content.toString();
    }

    String finishReason() {
        return chunks.get(chunks.size() - 1).getString("choices[0].finish_reason");
    }
}
