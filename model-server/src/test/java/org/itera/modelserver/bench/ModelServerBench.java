package org.itera.modelserver.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on any OpenAI-compatible {@code POST /v1/chat/completions} (model-server, or llama-server
 * itself as the reference): {@code <base-url> <model> <concurrency> <requests> <max-tokens>
 * [<system-prompt-file>]}. Without a system prompt every request asks for a long story (sampled,
 * temperature 0.8, top_p 1); with one, request i is that system prompt plus question i, decoded
 * greedily (the shared-prefix case of prompt caching). Prints one line:
 * {@code tokens=<completion tokens> prompt_tokens=<n> seconds=<s> tokens_per_second=<r> requests_per_second=<q>}.
 * Only the JDK: it runs from target/test-classes without other jars.
 */
public final class ModelServerBench {

    private static final String STORY = "Write a long, detailed story about a lighthouse keeper and a storm.";
    private static final Pattern COMPLETION_TOKENS = Pattern.compile("\"completion_tokens\"\\s*:\\s*(\\d+)");
    private static final Pattern PROMPT_TOKENS = Pattern.compile("\"prompt_tokens\"\\s*:\\s*(\\d+)");

    private ModelServerBench() {
    }

    public static void main(String[] args) throws Exception {
        String system = args.length > 5 ? Files.readString(Path.of(args[5])) : null;
        long[] result = run(args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), system);
        double seconds = result[2] / 1e9;
        System.out.printf("tokens=%d prompt_tokens=%d seconds=%.2f tokens_per_second=%.1f requests_per_second=%.2f%n",
                result[0], result[1], seconds, result[0] / seconds, Integer.parseInt(args[3]) / seconds);
    }

    /** Returns {completion tokens, prompt tokens, nanoseconds}. */
    private static long[] run(String baseUrl, String model, int concurrency, int requests, int maxTokens,
                              String system) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        long[] promptTokens = new long[1];
        Callable<Long> call = () -> {
            int i = next.getAndIncrement();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(model, maxTokens, system, i))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher completion = COMPLETION_TOKENS.matcher(response.body());
            Matcher prompt = PROMPT_TOKENS.matcher(response.body());
            if (response.statusCode() != 200 || !completion.find() || !prompt.find()) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            synchronized (promptTokens) {
                promptTokens[0] += Long.parseLong(prompt.group(1));
            }
            return Long.parseLong(completion.group(1));
        };
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long started = System.nanoTime();
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(call));
            }
            long tokens = 0;
            for (Future<Long> result : results) {
                tokens += result.get();
            }
            return new long[] {tokens, promptTokens[0], System.nanoTime() - started};
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(String model, int maxTokens, String system, int i) {
        if (system == null) {
            return """
                    {"model": "%s", "messages": [{"role": "user", "content": "%s"}],
                     "max_tokens": %d, "temperature": 0.8, "top_p": 1.0}""".formatted(model, STORY, maxTokens);
        }
        String question = "Problem " + i + ": Ann has " + (i % 9 + 1) + " apples and buys " + (i % 7 + 2)
                + " more. How many apples does she have now?";
        return """
                {"model": "%s", "messages": [{"role": "system", "content": %s}, {"role": "user", "content": "%s"}],
                 "max_tokens": %d, "temperature": 0, "top_p": 1.0}""".formatted(model, quote(system), question, maxTokens);
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}
