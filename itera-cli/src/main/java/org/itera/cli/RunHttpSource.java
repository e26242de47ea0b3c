package org.itera.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** filter-service over HTTP: {@code GET /runs/{id}} and {@code GET /library/stats}. */
final class RunHttpSource implements RunWatcher.Source {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI run;
    private final URI library;

    RunHttpSource(RunOptions options) {
        this.run = RunOptions.resolve(options.filter(), "/runs/" + URLEncoder.encode(options.run(), StandardCharsets.UTF_8));
        this.library = RunOptions.resolve(options.filter(), "/library/stats");
    }

    @Override
    public String run() throws IOException, InterruptedException {
        return get(run);
    }

    @Override
    public String library() throws IOException, InterruptedException {
        return get(library);
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
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
