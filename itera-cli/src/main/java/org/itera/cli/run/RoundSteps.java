package org.itera.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.itera.cli.Clock;
import org.itera.cli.ExitCodes;
import org.itera.cli.round.RoundDriver;
import org.itera.cli.round.RoundOptions;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;

/**
 * The round around a run's tasks, through finetune-service: evaluate the team as it is (the
 * "before", reused when that round was evaluated already), fine-tune the team's agents with enough
 * new examples (a round naming the run's subject, so other teams are not trained), evaluate the new
 * models on the same test tasks, and report before/after.
 */
final class RoundSteps {

    private final StackConfig config;
    private final RunPlan plan;
    private final Path testFile;
    private final String runId;
    private final PrintStream err;
    private int before;

    RoundSteps(StackConfig config, RunPlan plan, Path testFile, String runId, PrintStream err) {
        this.config = config;
        this.plan = plan;
        this.testFile = testFile;
        this.runId = runId;
        this.err = err;
    }

    private RoundDriver driver(String command, Integer round, boolean reuse, String run, PrintStream out) {
        RoundOptions options = new RoundOptions(command, config.url(Component.FINETUNE), Optional.ofNullable(round),
                Optional.of(plan.subject()), plan.setting(), plan.timeoutSeconds(), 3000, reuse, before, 0,
                Optional.of(testFile.toString()), Optional.of(plan.testLimit()), Optional.ofNullable(run));
        return new RoundDriver(options, Clock.SYSTEM, out, err);
    }

    /** Evaluates the latest trained round (0: the base models) unless it was evaluated already. */
    void before(Path runDir, PrintStream console) throws StackException, IOException, InterruptedException {
        before = latestDone();
        err.println("round: evaluating the team as it is (round " + before + ") on " + plan.testLimit() + " test tasks");
        try (PrintStream out = Tee.of(console, runDir.resolve("evaluation-before.txt"))) {
            if (driver("evaluate", before, true, runId + ".before", out).evaluate(before) != ExitCodes.OK) {
                throw new StackException("the evaluation of round " + before + " failed (finetune-service log: "
                        + config.servicesDir().resolve("finetune-service.log") + ")");
            }
        }
    }

    private int latestDone() throws IOException, InterruptedException {
        return driver("latest", null, false, null, err).latestRound();
    }

    /** Trains, evaluates the new models and appends before/after to the summary. */
    void after(Path runDir, PrintStream console) throws StackException, IOException, InterruptedException {
        err.println("round: fine-tuning the " + plan.subject() + " team's agents with enough new examples");
        RoundDriver trainer;
        int status;
        try (PrintStream out = Tee.of(console, runDir.resolve("round.txt"))) {
            trainer = driver("train", null, false, runId, out);
            status = trainer.train();
        }
        if (status == ExitCodes.NOTHING_TO_TRAIN) {
            err.println("warning: no " + plan.subject() + " agent had enough new examples for a round; run again with"
                    + " a larger --limit");
            return;
        }
        if (status != ExitCodes.OK) {
            throw new StackException("the fine-tuning round failed (finetune-service log: "
                    + config.servicesDir().resolve("finetune-service.log") + ")");
        }
        int after = trainer.trainedRound();
        err.println("round: evaluating round " + after + " on the same " + plan.testLimit() + " test tasks");
        try (PrintStream out = Tee.of(console, runDir.resolve("evaluation-after.txt"))) {
            if (driver("evaluate", after, false, runId + ".after", out).evaluate(after) != ExitCodes.OK) {
                throw new StackException("the evaluation of round " + after + " failed");
            }
        }
        try (PrintStream out = Tee.of(console, runDir.resolve("summary.txt"))) {
            out.println();
            driver("report", null, false, null, out).report(before, after);
        }
    }
}
