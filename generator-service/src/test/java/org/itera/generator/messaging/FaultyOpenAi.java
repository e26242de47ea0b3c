package org.itera.generator.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.itera.testing.OpenAiMock;

/**
 * An OpenAI chat endpoint on WireMock that answers a share of the calls with a fault, as a real one
 * does under load: a WireMock extension that sees every chat call and, by a seeded random draw per
 * call and attempt (the same call retried sends the same body), answers it with one of the
 * {@link Kind}s instead of the completion; a call never gets more than {@link #MOST_IN_A_ROW}
 * faults, so its next attempt answers. Calls whose body contains a fragment given to
 * {@link #neverHeal} get that fault every time. Deterministic for a seed, whatever the order in
 * which concurrent calls arrive.
 */
final class FaultyOpenAi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "itera-faulty-openai";
    static final int MOST_IN_A_ROW = 3;
    /** How long a {@link Kind#SLOW} answer takes: longer than the client's timeout in the test. */
    static final int SLOW_MS = 2_500;

    /** The faults, each as likely as the others. */
    enum Kind {
        SERVER_ERROR, RATE_LIMITED, SLOW, CONNECTION_RESET, EMPTY_RESPONSE;

        ResponseDefinition answer(ResponseDefinition ok) {
            return switch (this) {
                case SERVER_ERROR -> error(500, "The server had an error while processing your request.",
                        "server_error").build();
                case RATE_LIMITED -> error(429, "Rate limit reached for gpt-4o-mini on requests per min (RPM).",
                        "rate_limit_exceeded").withHeader("Retry-After", "1").build();
                case SLOW -> ResponseDefinitionBuilder.like(ok).but().withFixedDelay(SLOW_MS).build();
                case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
            };
        }

        private static ResponseDefinitionBuilder error(int status, String message, String code) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(OpenAiMock.errorJson(message, "requests", code));
        }
    }

    /** One chat call as it reached the mock: its body, which attempt of that body, the fault (null: answered). */
    record Call(String body, int attempt, Kind fault) {
    }

    private WireMockServer server;
    private long seed;
    private double share;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Kind> neverHeal = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    void attach(WireMockServer server) {
        this.server = server;
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Forgets every call and stub; from now on {@code share} of the calls get a fault drawn with {@code seed}. */
    synchronized FaultyOpenAi reset(long seed, double share, String model, String content) {
        this.seed = seed;
        this.share = share;
        attempts.clear();
        neverHeal.clear();
        calls.clear();
        server.resetAll();
        server.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.completionJson(model, content, 140, 12)).withTransformers(NAME)));
        return this;
    }

    /** Every call whose body contains {@code fragment} gets {@code fault}, however often it is tried. */
    synchronized void neverHeal(String fragment, Kind fault) {
        neverHeal.put(fragment, fault);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String body = event.getRequest().getBodyAsString();
        Kind fault;
        synchronized (this) {
            int attempt = attempts.merge(body, 1, Integer::sum);
            fault = draw(body, attempt);
            calls.add(new Call(body, attempt, fault));
        }
        return fault == null ? event.getResponseDefinition() : fault.answer(event.getResponseDefinition());
    }

    private Kind draw(String body, int attempt) {
        for (Map.Entry<String, Kind> always : neverHeal.entrySet()) {
            if (body.contains(always.getKey())) {
                return always.getValue();
            }
        }
        if (attempt > MOST_IN_A_ROW) {
            return null;
        }
        // SplittableRandom mixes its seed, so neighbouring seeds give unrelated draws (Random's do not)
        SplittableRandom random = new SplittableRandom((seed * 0x9E3779B97F4A7C15L) ^ (body.hashCode() * 0xC2B2AE3D27D4EB4FL)
                ^ attempt);
        return random.nextDouble() < share ? Kind.values()[random.nextInt(Kind.values().length)] : null;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The faults answered, by kind (every kind present). */
    synchronized Map<Kind, Integer> faultsByKind() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
        calls.stream().filter(c -> c.fault() != null).forEach(c -> counts.merge(c.fault(), 1, Integer::sum));
        return counts;
    }
}
