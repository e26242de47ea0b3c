package org.itera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code itera watch}: follows one run through filter-service's {@code GET /runs/{id}} until every
 * task is graded or dead-lettered, then (with {@code --settle}) until no task of the run waits for a
 * repair, and prints what the run did. See {@link WatchCommand}.
 */
public final class RunWatcher {

    static final int OK = ExitCodes.OK;
    static final int FAILED = ExitCodes.FAILED;
    /** Every task was graded, but the repair loop was still working at the timeout. */
    static final int REPAIRS_UNSETTLED = ExitCodes.REPAIRS_UNSETTLED;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the numbers come from; each call throws when filter-service does not answer. */
    interface Source {
        /** {@code GET /runs/{id}}. */
        String run() throws IOException, InterruptedException;

        /** {@code GET /library/stats} (the library's size over every run). */
        String library() throws IOException, InterruptedException;
    }

    private final RunOptions options;
    private final Source source;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final RunProgressLine drawer;

    RunWatcher(RunOptions options, Source source, Clock clock, PrintStream out, PrintStream err, boolean tty) {
        this.options = options;
        this.source = source;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.drawer = new RunProgressLine(err, options.progress(), tty);
    }

    /** Follows the run, printing the summary on {@code out}; returns the exit status. */
    public static int follow(RunOptions options, PrintStream out, PrintStream err) throws InterruptedException {
        RunWatcher watcher = new RunWatcher(options, new RunHttpSource(options), Clock.SYSTEM, out, err,
                System.console() != null);
        Thread hook = new Thread(watcher.drawer::interrupted);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return watcher.watch();
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** Polls until the run is done, times out, or the filter stays silent; returns the exit status. */
    int watch() throws InterruptedException {
        RunPolls polls = new RunPolls(source, clock, options);
        long start = clock.millis();
        Phase tasks = followTasks(polls, start);
        Phase last = tasks;
        String repairNote = null;
        if (tasks.ended() == Ended.DONE && options.settle() && options.expect() > 0) {
            last = settleRepairs(polls, start);
            if (last.ended() == Ended.TIMED_OUT) {
                repairNote = "the repair loop had not settled at the timeout (" + last.tally().waitingForRepair()
                        + " task(s) still waiting for a repair): these counts are partial";
            }
        }
        RunTally tally = RunTally.of(last.report(), polls.library());
        long seconds = (clock.millis() - start) / 1000;
        boolean timedOut = last.ended() == Ended.TIMED_OUT;
        out.print(RunSummary.render(tally, options.expect(), seconds, timedOut, options.dlqHint(), repairNote));
        out.print(new SettingsSummary(KnownSettings.standard()).render(null, last.report()));
        out.flush();
        return status(tasks, last, tally);
    }

    private int status(Phase tasks, Phase last, RunTally tally) {
        if (last.ended() == Ended.UNREACHABLE) {
            err.println("itera watch: " + last.problem());
            return FAILED;
        }
        if (tasks.ended() == Ended.TIMED_OUT) {
            err.println("itera watch: timed out after " + options.timeoutSeconds() + "s with " + tally.done()
                    + " of " + options.expect() + " tasks done; the others may still be running"
                    + " (slow model?) or were lost; see the service logs");
            return FAILED;
        }
        if (last.ended() == Ended.TIMED_OUT) {
            err.println("itera watch: timed out after " + options.timeoutSeconds() + "s while the repair loop"
                    + " was still working (" + tally.waitingForRepair() + " task(s) waiting"
                    + (Boolean.TRUE.equals(tally.repairLoopPaused()) ? ", the repair loop is paused" : "")
                    + "); see the feedback-service log");
            return REPAIRS_UNSETTLED;
        }
        return OK;
    }

    enum Ended { DONE, TIMED_OUT, UNREACHABLE }

    record Phase(Ended ended, JsonNode report, RunTally tally, String problem) {
    }

    private Phase followTasks(RunPolls polls, long start) throws InterruptedException {
        long intervalMs = Math.round(options.intervalSeconds() * 1000);
        while (true) {
            RunPolls.Poll poll = polls.next();
            RunTally tally = RunTally.of(poll.report(), null);
            long now = clock.millis();
            drawer.show(RunSummary.progress(tally, options.expect(), (now - start) / 1000), tally.done(),
                    poll.warning());
            Ended ended = poll.unreachable() != null ? Ended.UNREACHABLE
                    : tally.done() >= options.expect() ? Ended.DONE
                    : now - start >= options.timeoutSeconds() * 1000L ? Ended.TIMED_OUT : null;
            if (ended != null) {
                drawer.finish(RunSummary.progress(tally, options.expect(), (now - start) / 1000), tally.done());
                return new Phase(ended, poll.report(), tally, poll.unreachable());
            }
            clock.sleep(intervalMs);
        }
    }

    /** Until no task of the run waits for a repair and two polls in a row answered the same. */
    private Phase settleRepairs(RunPolls polls, long start) throws InterruptedException {
        long intervalMs = Math.round(options.settleIntervalSeconds() * 1000);
        drawer.reset();
        JsonNode previous = MissingNode.getInstance();
        while (true) {
            RunPolls.Poll poll = polls.next();
            RunTally tally = RunTally.of(poll.report(), null);
            long now = clock.millis();
            String line = RunSummary.repairProgress(tally, (now - start) / 1000);
            long key = java.util.Objects.hash(tally.repairsTotal(), tally.waitingForRepair(), tally.repairLoopPaused());
            drawer.show(line, key, poll.warning());
            boolean settled = poll.warning() == null && tally.waitingForRepair() == 0 && poll.report().equals(previous);
            Ended ended = poll.unreachable() != null ? Ended.UNREACHABLE
                    : settled ? Ended.DONE
                    : now - start >= options.timeoutSeconds() * 1000L ? Ended.TIMED_OUT : null;
            if (ended != null) {
                drawer.finish(line, key);
                return new Phase(ended, poll.report(), tally, poll.unreachable());
            }
            previous = poll.warning() == null ? poll.report() : MissingNode.getInstance();
            clock.sleep(intervalMs);
        }
    }

    static JsonNode parse(String json) throws IOException {
        JsonNode node = json == null || json.isBlank() ? MissingNode.getInstance() : JSON.readTree(json);
        if (!node.isObject()) {
            throw new IOException("not a JSON object");
        }
        return node;
    }
}
