package org.itera.cli.round;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.itera.cli.Clock;

/**
 * {@code round-driver}: drives one self-improvement round through the finetune-service (evaluate
 * a round, train a round, report before/after) for {@code scripts/run.sh --round}. Every command
 * waits for what it started, up to {@code --timeout}. See {@link RoundOptions#HELP}.
 */
public final class RoundDriver {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int NOTHING_TO_TRAIN = 3;
    static final int USAGE = 64;

    private final RoundOptions options;
    private final FinetuneApi api;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    RoundDriver(RoundOptions options, Clock clock, PrintStream out, PrintStream err) {
        this.options = options;
        this.api = new FinetuneApi(options.finetune());
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = run(args, Clock.SYSTEM, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
        RoundOptions options;
        try {
            options = RoundOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("round-driver: " + e.getMessage());
            err.print(RoundOptions.HELP);
            return USAGE;
        }
        RoundDriver driver = new RoundDriver(options, clock, out, err);
        try {
            return switch (options.command()) {
                case "evaluate" -> driver.evaluate(options.round().orElseThrow());
                case "train" -> new RoundTraining(driver.api, driver.waiter(), out, err,
                        options.run().orElse(null)).train();
                case "latest" -> driver.latest();
                default -> new RoundReport(driver.api.read("/evaluations"), options.subject(), options.setting())
                        .print(options.before(), options.after(), out);
            };
        } catch (IOException | RoundFailure e) {
            err.println("round-driver: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    Waiter waiter() {
        return new Waiter(clock, options.timeoutSeconds() * 1000, options.pollMillis(), err);
    }

    /** Prints the highest round whose training ended, 0 when none did. */
    int latest() throws IOException, InterruptedException {
        int latest = 0;
        for (JsonNode round : api.read("/rounds")) {
            if ("done".equals(round.path("status").asText())) {
                latest = Math.max(latest, round.path("_id").asInt());
            }
        }
        out.println(latest);
        return OK;
    }

    /** The body of {@code POST /rounds/{n}/evaluate}: what the options name (the service's defaults for the rest). */
    private com.fasterxml.jackson.databind.JsonNode evaluationRequest() {
        var body = FinetuneApi.object().put("setting", options.setting());
        options.subject().ifPresent(subject -> body.put("subject", subject));
        options.file().ifPresent(file -> body.put("file", file));
        options.limit().ifPresent(limit -> body.put("limit", limit));
        options.run().ifPresent(run -> body.put("run", run));
        body.put("timeoutSeconds", options.timeoutSeconds());
        return body;
    }

    /** Evaluates {@code round} and waits for its result. */
    int evaluate(int round) throws IOException, InterruptedException {
        Optional<String> subject = options.subject();
        Optional<Evaluation> earlier = Evaluation.find(api.read("/evaluations"), round, subject, options.setting());
        if (options.reuse() && earlier.isPresent() && !earlier.get().running()) {
            out.println(earlier.get().line() + " (evaluated earlier)");
            earlier.get().rateLines().forEach(out::println);
            return OK;
        }
        FinetuneApi.Reply started = api.post("/rounds/" + round + "/evaluate", evaluationRequest());
        if (started.status() == 409) {
            err.println("round " + round + " is being evaluated already; waiting for it");
        } else if (started.status() != 202 && started.status() != 200) {
            throw new RoundFailure("could not evaluate round " + round + " (HTTP " + started.status() + "): "
                    + started.error());
        }
        err.println("evaluating round " + round + " (" + started.body().path("tasks").asInt() + " test tasks)");
        Evaluation done = waiter().until("the evaluation of round " + round, () -> {
            JsonNode list = api.read("/evaluations");
            return Evaluation.find(list, round, subject, options.setting()).filter(e -> !e.running());
        });
        out.println(done.line());
        done.rateLines().forEach(out::println);
        return "done".equals(done.status()) ? OK : FAILED;
    }
}
