package org.itera.bench.mock;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat endpoint for benchmarks: every {@code POST /v1/chat/completions} is
 * answered with the same reply after a fixed latency, on a timer (no thread waits), so it keeps any
 * number of calls in flight. {@code GET /stats} tells calls answered, in flight and the peak in
 * flight; {@code POST /stats/reset} forgets the peak and the count.
 *
 * <pre>java -cp 'itera-bench.jar:lib/*' org.itera.bench.mock.MockLlmServer PORT LATENCY_MS [REPLY]</pre>
 */
public final class MockLlmServer implements AutoCloseable {

    public static final String DEFAULT_REPLY = "The abstract's evidence supports it.\nAnswer: yes";
    static final String CHAT = "/v1/chat/completions";

    private final Vertx vertx;
    private final HttpServer server;
    private final CallCounter calls = new CallCounter();
    private final long latencyMs;
    private final String reply;

    private MockLlmServer(Vertx vertx, Duration latency, String reply) {
        this.vertx = vertx;
        this.latencyMs = Math.max(1, latency.toMillis());
        this.reply = reply;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
    }

    /** Starts on {@code port} (0: any free one) of 127.0.0.1. */
    public static MockLlmServer start(int port, Duration latency, String reply) throws Exception {
        MockLlmServer mock = new MockLlmServer(Vertx.vertx(), latency, reply);
        mock.server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return mock;
    }

    public int port() {
        return server.actualPort();
    }

    public CallCounter calls() {
        return calls;
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (CHAT.equals(path) && "POST".equals(request.method().name())) {
            calls.started();
            request.body().onSuccess(body -> vertx.setTimer(latencyMs, id -> {
                calls.finished();
                request.response().putHeader("content-type", "application/json")
                        .end(ChatReply.completion(body.toString(), reply));
            })).onFailure(e -> {
                calls.finished();
                request.response().setStatusCode(400).end();
            });
        } else if ("/stats".equals(path) && "GET".equals(request.method().name())) {
            request.response().putHeader("content-type", "application/json").end(calls.json());
        } else if ("/stats/reset".equals(path) && "POST".equals(request.method().name())) {
            calls.reset();
            request.response().putHeader("content-type", "application/json").end(calls.json());
        } else {
            request.response().setStatusCode(404).end("{\"error\":{\"message\":\"no route " + path + "\"}}");
        }
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MockLlmServer PORT LATENCY_MS [REPLY]");
            System.exit(64);
        }
        String reply = args.length > 2 ? args[2] : DEFAULT_REPLY;
        MockLlmServer mock = start(Integer.parseInt(args[0]), Duration.ofMillis(Long.parseLong(args[1])), reply);
        System.out.println("mock LLM on http://127.0.0.1:" + mock.port() + "/v1, latency " + args[1] + " ms");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                mock.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
        Thread.currentThread().join();
    }
}
