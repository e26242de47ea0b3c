package org.itera.cli.round;

import org.itera.cli.ServiceApi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.itera.cli.Clock;
import org.itera.cli.ExitCodes;

/**
 * Drives one self-improvement round through the finetune-service (evaluate a round, train a round,
 * report before/after), for {@code itera round} and {@code itera run --round}. Every step waits
 * for what it started, up to the timeout.
 */
public final class RoundDriver {

    static final int OK = ExitCodes.OK;
    static final int FAILED = ExitCodes.FAILED;
    static final int NOTHING_TO_TRAIN = ExitCodes.NOTHING_TO_TRAIN;

    private final RoundOptions options;
    private final ServiceApi api;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private int trained;

    public RoundDriver(RoundOptions options, Clock clock, PrintStream out, PrintStream err) {
        this.options = options;
        this.api = new ServiceApi(options.finetune());
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code itera round} on {@code args} and returns the exit status; never calls {@code System.exit}. */
    static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
        return org.itera.cli.Itera.commandLine(new RoundCommand(clock, out, err), out, err).execute(args);
    }

    /** Runs the command the options name; failures are reported on stderr and give {@link #FAILED}. */
    public int execute() {
        try {
            return switch (options.command()) {
                case "evaluate" -> evaluate(options.round().orElseThrow());
                case "train" -> train();
                case "latest" -> latest();
                default -> report(options.before(), options.after());
            };
        } catch (IOException | RoundFailure e) {
            err.println("itera round: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    /**
     * Starts a fine-tuning round (of the options' subject's team only, when they name one) and waits
     * for its jobs; {@link #trainedRound()} then names it.
     */
    public int train() throws IOException, InterruptedException {
        return train(options.subject().stream().toList());
    }

    /** Starts a fine-tuning round of these subjects' teams only (none: an ordinary round) and waits for its jobs. */
    public int train(java.util.List<String> subjects) throws IOException, InterruptedException {
        RoundTraining training = new RoundTraining(api, waiter(), out, err, options.run().orElse(null), subjects);
        int status = training.train();
        trained = training.round();
        return status;
    }

    /** The round the last {@link #train()} ran, 0 when none. */
    public int trainedRound() {
        return trained;
    }

    /** Prints before/after for the two rounds. */
    public int report(int before, int after) throws IOException, InterruptedException {
        return new RoundReport(api.read("/evaluations"), options.subject(), options.setting()).print(before, after, out);
    }

    Waiter waiter() {
        return new Waiter(clock, options.timeoutSeconds() * 1000, options.pollMillis(), err);
    }

    /** Prints the highest round whose training ended, 0 when none did. */
    public int latest() throws IOException, InterruptedException {
        out.println(latestRound());
        return OK;
    }

    /** The highest round whose training ended, 0 when none did. */
    public int latestRound() throws IOException, InterruptedException {
        int latest = 0;
        for (JsonNode round : api.read("/rounds")) {
            if ("done".equals(round.path("status").asText())) {
                latest = Math.max(latest, round.path("_id").asInt());
            }
        }
        return latest;
    }

    /** The body of {@code POST /rounds/{n}/evaluate}: what the options name (the service's defaults for the rest). */
    private com.fasterxml.jackson.databind.JsonNode evaluationRequest() {
        var body = ServiceApi.object().put("setting", options.setting());
        options.subject().ifPresent(subject -> body.put("subject", subject));
        options.file().ifPresent(file -> body.put("file", file));
        options.limit().ifPresent(limit -> body.put("limit", limit));
        options.run().ifPresent(run -> body.put("run", run));
        body.put("timeoutSeconds", options.timeoutSeconds());
        return body;
    }

    /** Evaluates {@code round} and waits for its result. */
    public int evaluate(int round) throws IOException, InterruptedException {
        Optional<String> subject = options.subject();
        Optional<Evaluation> earlier = Evaluation.find(api.read("/evaluations"), round, subject, options.setting());
        if (options.reuse() && earlier.isPresent() && !earlier.get().running()) {
            out.println(earlier.get().line() + " (evaluated earlier)");
            earlier.get().rateLines().forEach(out::println);
            return OK;
        }
        ServiceApi.Reply started = api.post("/rounds/" + round + "/evaluate", evaluationRequest());
        if (started.status() == 409) {
            err.println("round " + round + " is being evaluated already; waiting for it");
        } else if (started.status() != 202 && started.status() != 200) {
            throw new RoundFailure("could not evaluate round " + round + " (HTTP " + started.status() + "): "
                    + started.error());
        }
        err.println("evaluating round " + round + " (" + started.body().path("tasks").asInt() + " test tasks)");
        String[] progress = {""};
        Evaluation done = waiter().until("the evaluation of round " + round, () -> {
            JsonNode list = api.read("/evaluations");
            progress[0] = gradedSoFar(list, round);
            return Evaluation.find(list, round, subject, options.setting()).filter(e -> !e.running());
        }, () -> progress[0]);
        out.println(done.line());
        done.rateLines().forEach(out::println);
        return "done".equals(done.status()) ? OK : FAILED;
    }

    /**
     * Each task's outcome (task id to right or wrong) in the finished evaluation of {@code round} of
     * the options' subject; empty when there is none.
     */
    public java.util.Map<String, Boolean> outcomes(int round) throws IOException, InterruptedException {
        return Evaluation.find(api.read("/evaluations"), round, options.subject(), options.setting())
                .filter(e -> !e.running()).map(Evaluation::outcomes).orElse(java.util.Map.of());
    }

    /** "12/40 graded [#####.......]" for the running evaluation of {@code round}, "" when unknown. */
    private String gradedSoFar(JsonNode evaluations, int round) {
        for (JsonNode doc : evaluations) {
            if (doc.path("round").asInt(-1) == round && "running".equals(doc.path("status").asText())
                    && doc.path("tasks").asInt() > 0) {
                int graded = doc.path("graded").asInt(0);
                int tasks = doc.path("tasks").asInt();
                int filled = graded * 20 / tasks;
                return graded + "/" + tasks + " graded [" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
            }
        }
        return "";
    }
}
