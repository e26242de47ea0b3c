package org.itera.cli.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.itera.cli.ExitCodes;
import org.itera.cli.run.RunData;
import org.itera.cli.run.RunJob;
import org.itera.cli.run.StackSession;
import org.itera.cli.run.TaskPush;
import org.itera.cli.run.Tee;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;

/**
 * {@code itera compare}: the methods on the same train and test tasks, sharing what they can. Pushes
 * the train tasks of the teams that need them (the base team's library serves SiriuS, its ablations
 * and library-shots; STaR's single agent runs its own), waits for them and their repairs, evaluates
 * the methods that are not fine-tuned on the base models (round 0), runs one fine-tuning round scoped
 * to the trained methods' teams, evaluates those on its models, and writes the report.
 */
public final class CompareJob {

    private static final DateTimeFormatter DIR = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StackConfig config;
    private final ComparePlan plan;
    private final PrintStream out;
    private final PrintStream err;
    private final StackSession session;

    public CompareJob(StackConfig config, ComparePlan plan, PrintStream out, PrintStream err) {
        this.config = config;
        this.plan = plan;
        this.out = out;
        this.err = err;
        this.session = new StackSession(config, err, plan.keep());
    }

    public int run() throws InterruptedException {
        return session.run("itera compare", this::steps);
    }

    private int steps() throws StackException, IOException, InterruptedException {
        CompareTeams.check(plan);
        RunData data = new RunData(config, plan.runOf(plan.subject()), err);
        RunData.Files files = data.prepare(0);
        Path testRows = data.roundTestFile(files);
        session.up(true);
        session.drainLeftovers(plan.timeoutSeconds());
        String runId = RunJob.newRunId();
        String tag = "cmp-" + runId.substring(runId.length() - 4);
        Path runDir = config.runsDir().resolve("compare-" + ZonedDateTime.now().format(DIR));
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("run-id"), runId + "\n");
        MethodEvaluations evaluations = new MethodEvaluations(config, plan, testRows, tag, runId, runDir, out, err);
        int status = pushTrainTasks(files, runId, evaluations, runDir);
        if (status != ExitCodes.OK) {
            return status;
        }
        List<MethodResult> results = new ArrayList<>();
        for (Method method : plan.methods().stream().filter(m -> !m.trained()).toList()) {
            results.add(evaluations.evaluate(method, 0, ""));
        }
        List<String> skipped = new ArrayList<>();
        if (!plan.trainedTeams().isEmpty()) {
            CompareRound.Trained round = new CompareRound(config, plan, runId, out, err).train();
            for (Method method : plan.methods().stream().filter(Method::trained).toList()) {
                String note = round.noteFor(method.team(plan.subject()));
                if (round.untrained(method.team(plan.subject()))) {
                    skipped.add(method.id() + " (" + note + ")");
                } else {
                    results.add(evaluations.evaluate(method, round.round(), note));
                }
            }
        }
        session.resumeRepairs();
        return report(results, skipped, runDir);
    }

    /** Pushes the train tasks, waits for them and their repairs; pauses the repair loop when it has not settled. */
    private int pushTrainTasks(RunData.Files files, String runId, MethodEvaluations evaluations, Path runDir)
            throws StackException, IOException, InterruptedException {
        int sent = 0;
        for (String team : plan.trainTeams()) {
            Path train = PrefixedRows.write(files.train(), files.offset(), plan.limit(), evaluations.prefix(team),
                    runDir.resolve("tasks").resolve(team + "-train.jsonl"));
            sent += new TaskPush(config, plan.runOf(team), runId, err).pushAll(new RunData.Files(train, 0, null));
        }
        if (sent == 0) {
            return ExitCodes.OK;
        }
        int status;
        try (PrintStream summary = Tee.of(out, runDir.resolve("summary.txt"))) {
            status = RunJob.follow(config, runId, sent, plan.timeoutSeconds(), summary, err);
        }
        if (status == ExitCodes.REPAIRS_UNSETTLED) {
            err.println("warning: compare: the repair loop had not settled within " + plan.timeoutSeconds()
                    + "s; going on with the library as it is (the repair loop is paused until the end)");
            session.pauseRepairs();
            return ExitCodes.OK;
        }
        return status;
    }

    private int report(List<MethodResult> results, List<String> skipped, Path runDir) throws IOException {
        if (results.isEmpty()) {
            err.println("itera compare: no method could be evaluated; not trained: " + skipped);
            return ExitCodes.FAILED;
        }
        String table = ComparisonReport.write(runDir, results);
        if (!skipped.isEmpty()) {
            String line = "\nNot evaluated (not fine-tuned in the round): " + String.join(", ", skipped) + "\n";
            Files.writeString(runDir.resolve(ComparisonReport.MARKDOWN), line, java.nio.file.StandardOpenOption.APPEND);
            table += line;
        }
        out.println();
        out.println(table);
        err.println("(the report: " + runDir.resolve(ComparisonReport.MARKDOWN) + ", " + ComparisonReport.CSV + " and "
                + ComparisonReport.CHART + " beside it)");
        if (plan.keep()) {
            err.println(session.keptText());
        }
        return ExitCodes.OK;
    }
}
