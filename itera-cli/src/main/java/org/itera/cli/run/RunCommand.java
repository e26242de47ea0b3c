package org.itera.cli.run;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itera.cli.stack.StackConfig;
import org.itera.core.event.TaskEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itera run}: the main job. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The main job: runs a team on tasks and reports what it learned (--round: and improves it).",
            "Runs a team on a slice of a dataset, end to end, and reports what it learned:",
            "starts what is missing of the local stack (itera up), pushes the train tasks (and --test-limit test",
            "tasks), follows them through GET /runs/{id} until each is graded and the repair loop has settled, and",
            "prints a summary (also saved under ITERA_HOME/runs/). With --round it runs one self-improvement round",
            "around that: evaluates the team on the test tasks, fine-tunes every agent on its own new examples,",
            "evaluates again and prints before/after with 95% intervals; run it again for the next round.",
            "Stops what it started unless --keep. Offline (no OPENAI_BASE_URL) the LLM is the local model-server",
            "and the subject defaults to arithmetic; with OPENAI_BASE_URL it defaults to pubmedqa."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:done", "1:failed (stderr says why)",
            "4:every task graded, the repair loop still busy at the timeout (not in a round)", "64:wrong usage",
            "130:interrupted"})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--round", description = "one self-improvement round: evaluate, train tasks, fine-tune, evaluate again")
    boolean round;
    @Option(names = "--setting", defaultValue = TaskEvent.SETTING_PROBLEM_SOLVING,
            description = "problem-solving (default), actor-critic or competitive")
    String setting;
    @Option(names = "--subject", description = "the team: arithmetic (offline default), pubmedqa (online default), gsm8k, ...")
    String subject;
    @Option(names = "--game", paramLabel = "GAME", description = "the competitive setting's game: ultimatum, sell-buy, resource-exchange")
    String game;
    @Option(names = "--file", paramLabel = "FILE",
            description = "the JSONL tasks; default ../shared/data/<subject>/train.jsonl, generated for arithmetic and games")
    Path file;
    @Option(names = "--difficulty", defaultValue = "d1s1-add", description = "generated arithmetic's difficulty; default ${DEFAULT-VALUE}")
    String difficulty;
    @Option(names = "--limit", paramLabel = "N", description = "train tasks; default 20, in a round 60")
    Integer limit;
    @Option(names = "--offset", paramLabel = "K", description = "first train row; default 0, in a round the row after the last round's")
    Integer offset;
    @Option(names = "--test-limit", paramLabel = "N", description = "test tasks; default 0, in a round 40")
    Integer testLimit;
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "for the tasks and their repairs; default 900, in a round 2400")
    Integer timeout;
    @Option(names = "--keep", description = "leave the stack running afterwards")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        return new RunJob(config, plan(config.offline()), System.out, System.err).run();
    }

    /** The plan with the defaults applied; a {@link CommandLine.ParameterException} when the options do not fit. */
    RunPlan plan(boolean offline) {
        String theSetting = game != null ? "competitive" : setting;
        String theSubject = game != null ? game : subject != null ? subject : offline ? "arithmetic" : "pubmedqa";
        require(!"competitive".equals(theSetting) || game != null || subject != null,
                "--setting competitive needs --game (ultimatum, sell-buy, resource-exchange)");
        int theLimit = limit != null ? limit : round ? 60 : 20;
        int theTestLimit = testLimit != null ? testLimit : round ? 40 : 0;
        int theTimeout = timeout != null ? timeout : round ? 2400 : 900;
        require(theLimit >= 0 && theTestLimit >= 0 && (offset == null || offset >= 0), "--limit, --offset and --test-limit cannot be negative");
        require(theLimit + theTestLimit > 0, "nothing to do: --limit and --test-limit are both 0");
        require(theTimeout > 0, "--timeout must be at least 1");
        require(!round || theLimit > 0 && theTestLimit > 0, "--round needs train tasks (--limit) and test tasks (--test-limit)");
        Path theFile = file == null ? null : file.toAbsolutePath().normalize();
        return new RunPlan(theSetting, theSubject, theFile, DifficultyOption.checked(commandLine(), difficulty), theLimit, offset,
                theTestLimit, theTimeout, round, keep);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(commandLine(), message);
        }
    }

    private CommandLine commandLine() {
        return spec == null ? new CommandLine(this) : spec.commandLine();
    }

    /** For tests: the plan {@code args} give. */
    static RunPlan parse(boolean offline, String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command.plan(offline);
    }

}
