package org.itera.cli.round;

import org.itera.cli.ServiceApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code itera round train}: starts a round (or joins the running one) and waits for its jobs. A
 * round naming subjects trains only their teams' agents; one naming none, every agent but those
 * of teams trained from another team's library.
 */
final class RoundTraining {

    private final ServiceApi api;
    private final Waiter waiter;
    private final PrintStream out;
    private final PrintStream err;
    private final String run;
    private final List<String> subjects;
    private int round;

    /** {@code run}: the run the round belongs to (null: none); {@code subjects}: the ones it trains (empty: none). */
    RoundTraining(ServiceApi api, Waiter waiter, PrintStream out, PrintStream err, String run, List<String> subjects) {
        this.api = api;
        this.waiter = waiter;
        this.out = out;
        this.err = err;
        this.run = run;
        this.subjects = List.copyOf(subjects);
    }

    int train() throws IOException, InterruptedException {
        ServiceApi.Reply started = api.post("/rounds", request());
        switch (started.status()) {
            case 200 -> round = started.body().path("round").asInt();
            case 409 -> round = runningRound();
            case 422 -> {
                err.println("no fine-tuning round: no agent" + (subjects.isEmpty() ? "" : " of " + String.join(", ",
                        subjects)) + " has enough new examples; untrained examples per agent: "
                        + started.body().path("untrained") + " (the threshold is ITERA_FINETUNE_THRESHOLD)");
                return RoundDriver.NOTHING_TO_TRAIN;
            }
            default -> throw new RoundFailure("could not start a round (HTTP " + started.status() + "): "
                    + started.error());
        }
        err.println("fine-tuning round " + round + ": " + started.body().path("agents"));
        JsonNode done = waiter.until("fine-tuning round " + round, () -> finished(round));
        for (JsonNode job : done.path("jobs")) {
            out.println("  " + jobLine(job));
        }
        out.println("round=" + round);
        return RoundDriver.OK;
    }

    /** The body of {@code POST /rounds}: the run and the subjects, each when there is one. */
    private ObjectNode request() {
        ObjectNode body = ServiceApi.object();
        if (run != null) {
            body.put("run", run);
        }
        if (!subjects.isEmpty()) {
            subjects.forEach(body.putArray("subjects")::add);
        }
        return body;
    }

    /** The round the last {@link #train()} started or joined, 0 when none. */
    int round() {
        return round;
    }

    private int runningRound() throws IOException, InterruptedException {
        for (JsonNode round : api.read("/rounds")) {
            if ("running".equals(round.path("status").asText())) {
                err.println("round " + round.path("_id").asInt() + " is running already; waiting for it");
                return round.path("_id").asInt();
            }
        }
        throw new RoundFailure("the finetune-service says a round is running, but GET /rounds lists none");
    }

    private Optional<JsonNode> finished(int round) throws IOException, InterruptedException {
        JsonNode doc = api.read("/rounds/" + round);
        return "running".equals(doc.path("status").asText()) ? Optional.empty() : Optional.of(doc);
    }

    static String jobLine(JsonNode job) {
        String agent = job.path("agent").asText();
        String status = job.path("status").asText();
        int examples = job.path("examples").asInt();
        if ("succeeded".equals(status)) {
            return agent + ": succeeded, " + job.path("fineTunedModel").asText() + " (" + examples + " examples)";
        }
        String reason = job.path("reason").asText("");
        return agent + ": " + status + (reason.isEmpty() ? "" : " (" + reason + ")") + "; keeps its model";
    }
}
