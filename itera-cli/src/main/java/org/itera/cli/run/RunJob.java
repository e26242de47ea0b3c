package org.itera.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.itera.cli.ExitCodes;
import org.itera.cli.RunOptions;
import org.itera.cli.RunWatcher;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;

/**
 * {@code itera run}: starts what is missing of the stack, prepares the tasks, lets an earlier run's
 * leftovers finish, pushes this run's tasks under a new run id, follows the run through
 * {@code GET /runs/{id}} and, for a round, evaluates, fine-tunes and evaluates again. What it
 * started it stops at the end (also on Ctrl-C) unless {@code --keep}.
 */
public final class RunJob {

    private static final DateTimeFormatter DIR = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StackConfig config;
    private final RunPlan plan;
    private final PrintStream out;
    private final PrintStream err;
    private final StackSession session;

    RunJob(StackConfig config, RunPlan plan, PrintStream out, PrintStream err) {
        this.config = config;
        this.plan = plan;
        this.out = out;
        this.err = err;
        this.session = new StackSession(config, err, plan.keep());
    }

    int run() throws InterruptedException {
        return session.run("itera run", this::steps);
    }

    private int steps() throws StackException, IOException, InterruptedException {
        RoundOffsets offsets = new RoundOffsets(config.stateDir(), plan);
        int offset = firstRow(offsets);
        RunData data = new RunData(config, plan, err);
        RunData.Files files = data.prepare(offset);
        Path testFile = plan.round() ? data.roundTestFile(files) : null;
        session.up(plan.round());
        session.drainLeftovers(plan.timeoutSeconds());
        String runId = newRunId();
        Path runDir = config.runsDir().resolve(ZonedDateTime.now().format(DIR));
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("run-id"), runId + "\n");
        RoundSteps round = plan.round() ? new RoundSteps(config, plan, testFile, runId, err) : null;
        if (round != null) {
            round.before(runDir, out);
        }
        int sent = new TaskPush(config, plan, runId, err).pushAll(files);
        err.println("run " + runId + ": where it stands at " + config.url(Component.FILTER) + "/runs/" + runId);
        int status = watch(runId, sent, runDir);
        if (round != null && status == ExitCodes.REPAIRS_UNSETTLED) {
            err.println("warning: round: the repair loop had not settled within " + plan.timeoutSeconds()
                    + "s; fine-tuning on the library as it is now (later rescues join the next round)");
            session.pauseRepairs();
            status = ExitCodes.OK;
        }
        if (round != null && status == ExitCodes.OK) {
            offsets.save(offset + plan.limit());
            round.after(runDir, out);
            session.resumeRepairs();
        }
        err.println("(summary saved in " + runDir.resolve("summary.txt") + ")");
        if (plan.keep()) {
            err.println(session.keptText());
        }
        return status;
    }

    private int firstRow(RoundOffsets offsets) throws IOException {
        if (plan.offset() != null || !plan.round()) {
            return plan.offset() == null ? 0 : plan.offset();
        }
        var next = offsets.next();
        if (next.isPresent()) {
            err.println("round: earlier rounds used the train rows before " + next.getAsInt()
                    + "; this one starts there (--offset overrides)");
        }
        return next.orElse(0);
    }

    private int watch(String runId, int sent, Path runDir) throws IOException, InterruptedException {
        try (PrintStream summary = Tee.of(out, runDir.resolve("summary.txt"))) {
            return follow(config, runId, sent, plan.timeoutSeconds(), summary, err);
        }
    }

    /**
     * Follows a run through {@code GET /runs/{id}} until its {@code sent} tasks are graded and the
     * repair loop has settled, up to the timeout; prints the summary on {@code summary}.
     */
    public static int follow(StackConfig config, String runId, int sent, int timeoutSeconds, PrintStream summary,
            PrintStream err) throws InterruptedException {
        err.println("watch: " + sent + " task(s), then the repair loop, up to " + timeoutSeconds + "s (Ctrl-C stops the run)");
        RunOptions options = new RunOptions(java.net.URI.create(config.url(Component.FILTER)), runId, sent, true,
                timeoutSeconds, 2, 5, 60, RunOptions.Progress.AUTO,
                "List them: itera dlq. Generator log: " + config.servicesDir().resolve("generator-service.log"));
        return RunWatcher.follow(options, summary, err);
    }

    /** {@code run-<utc time>-<4 hex digits>}: sortable, and unique enough for one machine. */
    public static String newRunId() {
        return "run-" + ZonedDateTime.now(ZoneOffset.UTC).format(DIR) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
