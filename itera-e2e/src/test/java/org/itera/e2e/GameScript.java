package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import org.itera.testing.OpenAiMock;

/**
 * Scripts WireMock as both players of games told apart by a phrase of their system prompts (a
 * role's own text and a holding only that game has): the reply to move k of a game is matched by
 * the chat's last message, which asks for move k (or shows an invalid reply's error).
 */
final class GameScript {

    private final WireMockServer llm;

    GameScript(WireMockServer llm) {
        this.llm = llm;
    }

    /** The reply of the seat whose prompt holds every fragment, to move {@code move} of {@code moves}. */
    GameScript move(int move, int moves, List<String> fragments, String reply) {
        llm.stubFor(request(move, moves, fragments).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.completionJson("gpt-4o-mini", reply, 300, 30))));
        return this;
    }

    /** The LLM refuses that move's call for good (HTTP 400). */
    GameScript refuse(int move, int moves, List<String> fragments) {
        llm.stubFor(request(move, moves, fragments).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.errorJson("This model's maximum context length is 1024 tokens.",
                        "invalid_request_error", "context_length_exceeded"))));
        return this;
    }

    /** The reply to a reply shown back as no valid move. */
    GameScript retry(List<String> fragments, String reply) {
        MappingBuilder request = post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[-1:].content", containing("not a valid move")));
        for (String fragment : fragments) {
            request = request.withRequestBody(containing(fragment));
        }
        llm.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.completionJson("gpt-4o-mini", reply, 300, 30))));
        return this;
    }

    /** Move k is asked for in the chat's last message ("Move k of n is yours"; the practice round asks too). */
    private static MappingBuilder request(int move, int moves, List<String> fragments) {
        MappingBuilder request = post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(2)
                .withRequestBody(matchingJsonPath("$.messages[-1:].content",
                        containing("Move " + move + " of " + moves + " is yours")));
        for (String fragment : fragments) {
            request = request.withRequestBody(containing(fragment));
        }
        return request;
    }

    static String tagged(String message, String action, String proposal) {
        return "<thinking>What is best for me here?</thinking>\n<message>" + message + "</message>\n<action>" + action
                + "</action>" + (proposal == null ? "" : "\n<proposal>" + proposal + "</proposal>");
    }
}
