package org.itera.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The services over HTTP. */
final class RunHttpSource implements RunWatcher.Source {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI stats;
    private final URI generatorMetrics;
    private final URI filterMetrics;
    private final URI feedbackMetrics;
    private final String backlogCommand;

    RunHttpSource(RunOptions options) {
        this.stats = RunOptions.resolve(options.filter(), "/library/stats");
        this.generatorMetrics = RunOptions.resolve(options.generator(), "/q/metrics");
        this.filterMetrics = RunOptions.resolve(options.filter(), "/q/metrics");
        this.feedbackMetrics = RunOptions.resolve(options.feedback(), "/q/metrics");
        this.backlogCommand = options.backlogCommand();
    }

    @Override
    public String stats() throws IOException, InterruptedException {
        return get(stats, "application/json");
    }

    @Override
    public String generatorMetrics() throws IOException, InterruptedException {
        return get(generatorMetrics, "text/plain");
    }

    @Override
    public String filterMetrics() throws IOException, InterruptedException {
        return get(filterMetrics, "text/plain");
    }

    @Override
    public String feedbackMetrics() throws IOException, InterruptedException {
        return get(feedbackMetrics, "text/plain");
    }

    /** Runs the backlog command with {@code sh -c}; its last output line is the number. */
    @Override
    public long backlog() throws IOException, InterruptedException {
        if (backlogCommand == null) {
            throw new IOException("no --backlog-command");
        }
        return RunWatcher.runBacklogCommand(backlogCommand, RunWatcher.BACKLOG_COMMAND_TIMEOUT);
    }

    private String get(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", accept).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            throw new IOException("connection refused: " + uri, e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("no answer within the timeout: " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response.body();
    }
}
