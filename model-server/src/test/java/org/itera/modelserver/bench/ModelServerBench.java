package org.itera.modelserver.bench;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated tokens per second at a given concurrency, either through model-server's HTTP API
 * ({@code http <base-url> <model> <concurrency> <requests> <max-tokens>}) or straight through the
 * de.kherud:llama API with the server's model settings
 * ({@code direct <gguf> <threads> <ctx> <concurrency> <requests> <max-tokens>}).
 * Prints one line: {@code tokens=<n> seconds=<s> tokens_per_second=<r>}.
 */
public final class ModelServerBench {

    private static final String QUESTION = "Write a long, detailed story about a lighthouse keeper and a storm.";
    private static final Pattern COMPLETION_TOKENS = Pattern.compile("\"completion_tokens\":(\\d+)");

    private ModelServerBench() {
    }

    public static void main(String[] args) throws Exception {
        int code = 0;
        try {
            if (args[0].equals("http")) {
                report(http(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5])));
            } else {
                report(direct(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                        Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6])));
            }
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        // llama.cpp's worker thread is not a daemon thread: leave explicitly.
        System.exit(code);
    }

    private static long[] http(String baseUrl, String model, int concurrency, int requests, int maxTokens)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = """
                {"model": "%s", "messages": [{"role": "user", "content": "%s"}],
                 "max_tokens": %d, "temperature": 0.8}""".formatted(model, QUESTION, maxTokens);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return run(concurrency, requests, () -> {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = COMPLETION_TOKENS.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return Long.parseLong(matcher.group(1));
        });
    }

    private static long[] direct(String file, int threads, int ctx, int concurrency, int requests, int maxTokens)
            throws Exception {
        LlamaModel model = new LlamaModel(new ModelParameters().setModel(file)
                .setThreads(threads).setThreadsBatch(threads).setCtxSize(ctx).setParallel(concurrency)
                .enableContBatching().disableContextShift().enableFlashAttn().enableJinja().disableLog());
        String prompt = model.applyTemplate(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]}");
        return run(concurrency, requests, () -> {
            InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(maxTokens)
                    .setTemperature(0.8f).setCachePrompt(false);
            long tokens = -1; // the last output only marks the end
            for (LlamaOutput ignored : model.generate(parameters)) {
                tokens++;
            }
            return tokens;
        });
    }

    /** Runs {@code requests} calls, {@code concurrency} at a time; returns {tokens, nanoseconds}. */
    private static long[] run(int concurrency, int requests, Callable<Long> call) throws Exception {
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
            return new long[] {tokens, System.nanoTime() - started};
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(long[] result) {
        double seconds = result[1] / 1e9;
        System.out.printf("tokens=%d seconds=%.2f tokens_per_second=%.1f%n", result[0], seconds, result[0] / seconds);
    }
}
