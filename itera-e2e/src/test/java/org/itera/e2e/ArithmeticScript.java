package org.itera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.OpenAiMock;

/**
 * The arithmetic team (calculator, then reporter) and its repair steps, answered by rule on a
 * WireMock chat endpoint: the reporter states the right sum, except on the tasks marked wrong-first,
 * where it is off by one until the calculator's turn was repaired. Rules, not one stub per task, so
 * hundreds of tasks cost nothing to script and every expected count follows from the task list.
 */
final class ArithmeticScript implements ResponseTransformerV2 {

    static final String NAME = "itera-arithmetic-script";
    /** What the repaired calculator's rephrased turn says; the reporter is right once it sees it. */
    static final String REPAIRED = "REPAIRED-STEPS: each line checked once more.";

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Set<String> wrongFirst = ConcurrentHashMap.newKeySet();
    private final AtomicLong calls = new AtomicLong();

    /** Scripts these tasks; every {@code wrongEvery}-th (by index) is answered wrong at first. */
    void script(List<TaskEvent> tasks, int wrongEvery) {
        for (int i = 0; i < tasks.size(); i++) {
            answers.put(tasks.get(i).question(), tasks.get(i).answer());
            if (i % wrongEvery == 0) {
                wrongFirst.add(tasks.get(i).question());
            }
        }
    }

    /** The questions answered wrong at first (some tasks may share a question: they share its fate). */
    Set<String> wrongFirstQuestions() {
        return new HashSet<>(wrongFirst);
    }

    long calls() {
        return calls.get();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        calls.incrementAndGet();
        String body = serveEvent.getRequest().getBodyAsString();
        String content = reply(body);
        return Response.Builder.like(response).but()
                .body(OpenAiMock.completionJson("gpt-4o-mini", content, 150 + body.length() / 8, 1 + content.length() / 4))
                .build();
    }

    private String reply(String body) {
        if (body.contains("Rewrite the draft as a clean, direct answer")) {
            return REPAIRED;
        }
        if (body.contains("A reviewer looked at your answer above")) {
            return "Checked again: the sum is right now.";
        }
        if (body.contains("You review the work of a team")) {
            return "The calculator added the wrong digits; add them again.";
        }
        if (body.contains("You give the final answer to an arithmetic")) {
            return reporter(body);
        }
        return "Adding the two numbers, one line per step.";
    }

    private String reporter(String body) {
        String user = userText(body);
        String question = answers.keySet().stream().filter(user::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("no scripted question in " + user));
        long answer = Long.parseLong(answers.get(question));
        boolean wrong = wrongFirst.contains(question) && !body.contains(REPAIRED);
        return "Checked the steps.\nAnswer: " + (wrong ? answer + 1 : answer);
    }

    private static String userText(String body) {
        try {
            JsonNode messages = Json.mapper().readTree(body).get("messages");
            return java.util.stream.StreamSupport.stream(messages.spliterator(), false)
                    .filter(m -> "user".equals(m.path("role").asText()))
                    .map(m -> m.path("content").asText()).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("not a chat request: " + e.getMessage(), e);
        }
    }
}
