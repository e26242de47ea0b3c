package org.itera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.OpenAiMock;

/**
 * The comparison's methods, told apart on a WireMock chat endpoint by what each call carries (the
 * model, the single solver's or the team's prompt, library demonstrations), answering by rule: a
 * train task is always answered right; test task i (0-based, in the test file's order) is answered
 * right by a method exactly when i &lt; its {@link #RIGHT} count. So every method's accuracy is known
 * before the run, and the report must show exactly those.
 */
final class CompareScript implements ResponseTransformerV2 {

    static final String NAME = "itera-compare-script";
    static final String BASE = "gpt-4o-mini";
    /** The fine-tuned model each trainee of the round gets (FineTuningStubs key to model name). */
    static final Map<String, String> FINE_TUNED = Map.of(
            "arithmetic-calculator", "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-calculator-r1:cmp01",
            "arithmetic-reporter", "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-reporter-r1:cmp02",
            "arithmetic-star-solver", "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-star-solver-r1:cmp03",
            "arithmetic-norepair-calculator", "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-norepair-calculator-r1:cmp04",
            "arithmetic-norepair-reporter", "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-norepair-reporter-r1:cmp05",
            "arithmetic-shared-all-roles", "ft:gpt-4o-mini-2024-07-18:itera:arithmetic-shared-all-roles-r1:cmp06");
    /** Test tasks each method answers right (of 8). */
    static final Map<String, Integer> RIGHT = Map.of("single", 1, "team", 3, "star", 4, "sirius", 7,
            "sirius-no-repair", 6, "sirius-shared-model", 5, "library-shots", 2);

    private final List<String> testQuestions = new ArrayList<>();
    private final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();

    void script(List<TaskEvent> train, List<TaskEvent> test) {
        train.forEach(t -> answers.put(t.question(), t.answer()));
        test.forEach(t -> {
            answers.put(t.question(), t.answer());
            testQuestions.add(t.question());
        });
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
        String content;
        try {
            content = reply(Json.mapper().readTree(serveEvent.getRequest().getBodyAsString()));
        } catch (IOException e) {
            throw new IllegalStateException("not a chat request: " + e.getMessage(), e);
        }
        return Response.Builder.like(response).but().body(OpenAiMock.completionJson(BASE, content, 200, 20)).build();
    }

    private String reply(JsonNode request) {
        List<JsonNode> messages = StreamSupport.stream(request.path("messages").spliterator(), false).toList();
        String system = messages.isEmpty() ? "" : messages.get(0).path("content").asText();
        boolean single = system.contains("on your own");
        if (!single && !system.contains("You give the final answer")) {
            return "7 + 2 = 9, one line per step.";
        }
        String user = messages.get(messages.size() - 1).path("content").asText();
        String question = answers.keySet().stream().filter(user::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("no scripted question in " + user));
        long answer = Long.parseLong(answers.get(question));
        int index = testQuestions.indexOf(question);
        boolean right = index < 0 || index < RIGHT.get(method(request.path("model").asText(), single, messages));
        return "Checked the steps.\nAnswer: " + (right ? answer : answer + 1);
    }

    /** The method a call belongs to, from its model, its prompt and whether it carries demonstrations. */
    private static String method(String model, boolean single, List<JsonNode> messages) {
        boolean demonstrations = messages.stream().anyMatch(m -> "assistant".equals(m.path("role").asText()));
        if (model.equals(BASE)) {
            return single ? "single" : demonstrations ? "library-shots" : "team";
        }
        if (model.equals(FINE_TUNED.get("arithmetic-star-solver"))) {
            return "star";
        }
        if (model.equals(FINE_TUNED.get("arithmetic-reporter"))) {
            return "sirius";
        }
        if (model.equals(FINE_TUNED.get("arithmetic-norepair-reporter"))) {
            return "sirius-no-repair";
        }
        if (model.equals(FINE_TUNED.get("arithmetic-shared-all-roles"))) {
            return "sirius-shared-model";
        }
        throw new IllegalStateException("a final answer asked of an unexpected model " + model);
    }
}
