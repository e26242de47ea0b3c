package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/**
 * The watcher's polls of {@code GET /runs/{id}}: the last answer stands while filter-service does
 * not answer (with a warning), until it has been silent for {@code --unreachable} seconds.
 */
final class RunPolls {

    /** One poll: the run's report (the last one read), a warning when this poll failed, and why the watcher gives up. */
    record Poll(JsonNode report, String warning, String unreachable) {
    }

    private final RunWatcher.Source source;
    private final Clock clock;
    private final RunOptions options;
    private JsonNode last = MissingNode.getInstance();
    private long lastAnswer;

    RunPolls(RunWatcher.Source source, Clock clock, RunOptions options) {
        this.source = source;
        this.clock = clock;
        this.options = options;
        this.lastAnswer = clock.millis();
    }

    Poll next() throws InterruptedException {
        try {
            last = RunWatcher.parse(source.run());
            lastAnswer = clock.millis();
            return new Poll(last, null, null);
        } catch (IOException e) {
            String reason = describe(e);
            String unreachable = clock.millis() - lastAnswer >= options.unreachableSeconds() * 1000L
                    ? "the filter-service at " + options.filter() + " has not answered for "
                            + options.unreachableSeconds() + "s (" + reason + ")"
                    : null;
            return new Poll(last, "filter not answering: " + reason, unreachable);
        }
    }

    /** {@code /library/stats}, or a missing node when it cannot be read (the summary then shows the run's own). */
    JsonNode library() throws InterruptedException {
        try {
            return RunWatcher.parse(source.library());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
