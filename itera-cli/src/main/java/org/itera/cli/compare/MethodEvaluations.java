package org.itera.cli.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.itera.cli.Clock;
import org.itera.cli.ExitCodes;
import org.itera.cli.round.RoundDriver;
import org.itera.cli.round.RoundOptions;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.core.event.TaskEvent;

/**
 * Evaluates the methods on the comparison's test tasks through finetune-service
 * ({@code POST /rounds/{n}/evaluate}), one after the other: each method's team gets its own copy of
 * the test rows (ids prefixed {@code <tag>/<team>/}), and its outcomes come back with the prefix
 * taken off, so that the report pairs the methods task by task.
 */
final class MethodEvaluations {

    private final StackConfig config;
    private final ComparePlan plan;
    private final Path testRows;
    private final String tag;
    private final String runId;
    private final Path runDir;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Path> testFiles = new HashMap<>();

    MethodEvaluations(StackConfig config, ComparePlan plan, Path testRows, String tag, String runId, Path runDir,
            PrintStream out, PrintStream err) {
        this.config = config;
        this.plan = plan;
        this.testRows = testRows;
        this.tag = tag;
        this.runId = runId;
        this.runDir = runDir;
        this.out = out;
        this.err = err;
    }

    /** The method's result on the models of {@code round} (0: the base models); {@code note} is added to its label. */
    MethodResult evaluate(Method method, int round, String note) throws StackException, IOException, InterruptedException {
        String team = method.team(plan.subject());
        String prefix = prefix(team);
        err.println("compare: " + method.id() + ": evaluating " + team + " (round " + round + ") on " + plan.testLimit()
                + " test tasks");
        RoundDriver driver = new RoundDriver(new RoundOptions("evaluate", config.url(Component.FINETUNE),
                Optional.of(round), Optional.of(team), TaskEvent.SETTING_PROBLEM_SOLVING, plan.stepSeconds(), 3000, false,
                0, 0, Optional.of(testFile(team).toString()), Optional.of(plan.testLimit()),
                Optional.of(runId + "." + method.id())), Clock.SYSTEM, out, err);
        if (driver.evaluate(round) != ExitCodes.OK) {
            throw new StackException("the evaluation of " + method.id() + " (" + team + ", round " + round
                    + ") failed (finetune-service log: " + config.servicesDir().resolve("finetune-service.log") + ")");
        }
        Map<String, Boolean> outcomes = new LinkedHashMap<>();
        driver.outcomes(round).forEach((id, right) -> outcomes.put(PrefixedRows.unprefixed(id, prefix), right));
        return new MethodResult(method.id(), note.isEmpty() ? method.label() : method.label() + " " + note, outcomes);
    }

    /** {@code <tag>/<team>/}: the start of the ids of the team's tasks in this comparison. */
    String prefix(String team) {
        return tag + "/" + team + "/";
    }

    private Path testFile(String team) throws IOException {
        Path file = testFiles.get(team);
        if (file == null) {
            file = PrefixedRows.write(testRows, 0, plan.testLimit(), prefix(team),
                    runDir.resolve("tasks").resolve(team + "-test.jsonl"));
            testFiles.put(team, file);
        }
        return file;
    }
}
