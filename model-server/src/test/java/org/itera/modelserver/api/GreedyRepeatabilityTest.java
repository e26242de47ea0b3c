package org.itera.modelserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

/**
 * What a round's before/after relies on, on the real model and engine with the default settings:
 * an evaluation, many greedy requests with one shared system prompt, more in flight than there
 * are slots, gives the same replies word for word when it is run again, whatever the KV cache
 * holds from the first run and however the requests are batched together; and the same replies
 * when the requests come one at a time.
 */
@QuarkusTest
@QuarkusTestResource(SmolLm2ModelResource.class)
class GreedyRepeatabilityTest {

    static final int PROBLEMS = 12;
    static final String SYSTEM = "You solve arithmetic word problems. Write one calculation per line, like "
            + "12 + 5 = 17, and use each result in the next line. Read the problem twice before you start. "
            + "Name every quantity with its unit, keep the numbers exactly as the problem gives them, and do "
            + "not add steps that are not in the problem. End with a line of the form 'Answer: <number>'.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEvaluationRunTwiceGivesTheSameRepliesWordForWord() throws Exception {
        List<String> first = evaluate(6);
        List<String> second = evaluate(6);
        List<String> oneAtATime = evaluate(1);

        assertThat(first).allSatisfy(reply -> assertThat(reply).isNotBlank());
        assertThat(second).as("the second evaluation, its prompts' prefix now cached").isEqualTo(first);
        assertThat(oneAtATime).as("the same requests one at a time, each decoded alone").isEqualTo(first);
    }

    /** Every problem once, {@code concurrency} requests at a time; the replies in problem order. */
    private static List<String> evaluate(int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int i = 0; i < PROBLEMS; i++) {
                String body = body(i);
                replies.add(CompletableFuture.supplyAsync(() -> Chat.post(body).then().statusCode(200)
                        .extract().<String>path("choices[0].message.content"), pool));
            }
            List<String> texts = new ArrayList<>();
            for (CompletableFuture<String> reply : replies) {
                texts.add(reply.get());
            }
            return texts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(int i) {
        ObjectNode body = JSON.createObjectNode().put("model", Chat.MODEL).put("max_tokens", 48).put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", "Problem:\nTom has " + (i + 2) + " marbles and finds "
                + (i % 5 + 3) + " more. How many marbles does Tom have now?\n\nWork it out step by step.");
        return body.toString();
    }
}
