package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.testing.OpenAiMock;

/**
 * Scripts WireMock as the actor, judge, critic and repair loop of five arithmetic tasks, one per
 * outcome: PT (right, accepted), PF (right, rejected, still right), NT (wrong, rejected, fixed),
 * NF (wrong, accepted; the repair loop rescues it) and an unreadable verdict on a wrong answer
 * (not fixed; the repair fails too and the task is exhausted).
 */
final class ActorCriticScript {

    private static final String ACTOR = "You solve arithmetic word problems. Put one";
    private static final String JUDGE = "You check answers to arithmetic word problems";
    private static final String CRITIC = "You help someone whose solution";
    private static final String REGENERATE = "A reviewer doubted your answer";
    private static final String REPHRASE = "Rewrite the draft as a clean answer";
    private static final String REPAIR_CRITIC = "You review the work of a team";
    private static final String REPAIR_REGENERATE = "A reviewer looked at your answer above";
    private static final String REPAIR_REPHRASE = "Rewrite the draft as a clean, direct answer";

    private final WireMockServer llm;

    ActorCriticScript(WireMockServer llm) {
        this.llm = llm;
    }

    void episodes(List<TaskEvent> tasks) {
        episode(tasks.get(0), true, "Verdict: accept", null, null);
        episode(tasks.get(1), true, "Verdict: reject", true, null);
        episode(tasks.get(2), false, "Verdict: reject", true, null);
        episode(tasks.get(3), false, "Verdict: accept", null, true);
        episode(tasks.get(4), false, "I am not sure about this one.", false, false);
    }

    /** {@code revisedRight}: the in-episode rephrased answer (null: no reject); {@code repairedRight}: the repair's. */
    private void episode(TaskEvent task, boolean firstRight, String verdict, Boolean revisedRight, Boolean repairedRight) {
        String q = task.question();
        reply(3, q, ACTOR, "Counting it up.\n" + answer(task, firstRight));
        reply(2, q, JUDGE, "I redid the sum.\n" + verdict);
        reply(2, q, CRITIC, "Look again at the last addition.");
        if (revisedRight != null) {
            reply(1, q, REGENERATE, "Rechecked: " + answer(task, revisedRight));
            reply(1, q, REPHRASE, "Adding them gives the total.\n" + answer(task, revisedRight));
        }
        if (repairedRight != null) {
            reply(1, q, REPAIR_CRITIC, "The sum in the last line is off by one.");
            reply(1, q, REPAIR_REGENERATE, "Redone: " + answer(task, repairedRight));
            reply(1, q, REPAIR_REPHRASE, "Adding them gives the total.\n" + answer(task, repairedRight));
        }
    }

    private static String answer(TaskEvent task, boolean right) {
        long value = Long.parseLong(task.answer()) + (right ? 0 : 1);
        return "Answer: " + value;
    }

    private void reply(int priority, String question, String fragment, String content) {
        llm.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(priority)
                .withRequestBody(containing(fragment)).withRequestBody(containing(question))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(OpenAiMock.completionJson("gpt-4o-mini", content, 200, 20))));
    }
}
