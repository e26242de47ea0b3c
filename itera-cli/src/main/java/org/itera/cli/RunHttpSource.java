package org.itera.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** filter-service over HTTP: {@code GET /runs/{id}} and {@code GET /library/stats}. */
final class RunHttpSource implements RunWatcher.Source {

    private final ServiceApi filter;
    private final String run;

    RunHttpSource(RunOptions options) {
        this.filter = new ServiceApi(options.filter().toString(), Duration.ofSeconds(10));
        this.run = "/runs/" + URLEncoder.encode(options.run(), StandardCharsets.UTF_8);
    }

    @Override
    public String run() throws IOException, InterruptedException {
        return filter.text(run);
    }

    @Override
    public String library() throws IOException, InterruptedException {
        return filter.text("/library/stats");
    }
}
