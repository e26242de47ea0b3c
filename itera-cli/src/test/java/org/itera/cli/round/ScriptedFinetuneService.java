package org.itera.cli.round;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A finetune-service stand-in on a loopback port: each "METHOD path" answers from its script,
 * one reply per request, the last one repeating; it records the requests it received.
 */
final class ScriptedFinetuneService implements AutoCloseable {

    record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<String> received = new ArrayList<>();
    private final Map<String, String> bodies = new HashMap<>();

    ScriptedFinetuneService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply = next(key, requestBody);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    ScriptedFinetuneService on(String methodAndPath, int status, String body) {
        scripts.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Reply(status, body));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    /** The body of the last request of this method and path ("" when none had one). */
    synchronized String lastBody(String methodAndPath) {
        return bodies.getOrDefault(methodAndPath, "");
    }

    private synchronized Reply next(String key, String requestBody) {
        received.add(key);
        bodies.put(key, requestBody);
        Deque<Reply> script = scripts.get(key);
        if (script == null || script.isEmpty()) {
            return new Reply(404, "{\"error\":\"not scripted: " + key + "\"}");
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
