package org.itera.cli.round;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itera.cli.Clock;
import org.itera.core.event.TaskEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code itera round}: one step of a self-improvement round through finetune-service: evaluate a
 * round, train one, report before/after, or name the latest. {@code itera run --round} runs them all.
 */
@Command(name = "round", mixinStandardHelpOptions = true,
        description = "Evaluates, trains or reports one fine-tuning round through finetune-service.",
        subcommands = {RoundCommand.Evaluate.class, RoundCommand.Train.class, RoundCommand.Report.class,
            RoundCommand.Latest.class})
public final class RoundCommand {

    final Clock clock;
    final PrintStream out;
    final PrintStream err;

    public RoundCommand() {
        this(Clock.SYSTEM, System.out, System.err);
    }

    RoundCommand(Clock clock, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** The options every step shares. */
    static final class Common {
        @Option(names = "--finetune", defaultValue = "http://127.0.0.1:8084", paramLabel = "URL",
                description = "finetune-service; default ${DEFAULT-VALUE}")
        String finetune;
        @Option(names = "--subject", description = "the subject evaluated, reported or trained (train: only its"
                + " team's agents); default: every one (train: every team not trained from another's library)")
        String subject;
        @Option(names = "--setting", defaultValue = TaskEvent.SETTING_PROBLEM_SOLVING, description = "default ${DEFAULT-VALUE}")
        String setting;
        @Option(names = "--timeout", defaultValue = "3600", paramLabel = "SECONDS", description = "default ${DEFAULT-VALUE}")
        long timeout;
        @Option(names = "--poll-ms", defaultValue = "3000", paramLabel = "MILLIS", hidden = true)
        long pollMillis;
    }

    private int execute(String command, Common common, Integer round, boolean reuse, int before, int after,
            Path file, Integer limit, String run) {
        RoundOptions options = new RoundOptions(command, common.finetune, Optional.ofNullable(round),
                Optional.ofNullable(common.subject), common.setting, common.timeout, common.pollMillis, reuse, before,
                after, Optional.ofNullable(file).map(f -> f.toAbsolutePath().toString()), Optional.ofNullable(limit),
                Optional.ofNullable(run));
        return new RoundDriver(options, clock, out, err).execute();
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"Evaluates round N (0: the base models) through POST /rounds/N/evaluate and waits for it."})
    static final class Evaluate implements Callable<Integer> {
        @ParentCommand RoundCommand parent;
        @Mixin Common common;
        @Option(names = "--round", required = true, paramLabel = "N") int round;
        @Option(names = "--file", paramLabel = "FILE", description = "the JSONL test tasks (a path finetune-service can read)")
        Path file;
        @Option(names = "--limit", paramLabel = "N", description = "the first N rows of the file") Integer limit;
        @Option(names = "--run", paramLabel = "ID", description = "the run id the evaluation's tasks carry") String run;
        @Option(names = "--reuse", description = "show a finished evaluation of round N instead of running it again")
        boolean reuse;

        @Override
        public Integer call() {
            return parent.execute("evaluate", common, round, reuse, 0, 0, file, limit, run);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Starts a fine-tuning round (POST /rounds) and waits until every job of it ended.",
            exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:done", "1:failed",
                "3:no agent had enough new examples"})
    static final class Train implements Callable<Integer> {
        @ParentCommand RoundCommand parent;
        @Mixin Common common;
        @Option(names = "--run", paramLabel = "ID", description = "the run the round belongs to") String run;

        @Override
        public Integer call() {
            return parent.execute("train", common, null, false, 0, 0, null, null, run);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Prints accuracy with 95% intervals for two rounds, the change and a task-by-task sign test.")
    static final class Report implements Callable<Integer> {
        @ParentCommand RoundCommand parent;
        @Mixin Common common;
        @Option(names = "--before", required = true, paramLabel = "N") int before;
        @Option(names = "--after", required = true, paramLabel = "M") int after;

        @Override
        public Integer call() {
            return parent.execute("report", common, null, false, before, after, null, null, null);
        }
    }

    @Command(name = "latest", mixinStandardHelpOptions = true,
            description = "Prints the highest round whose training ended (0 when none did).")
    static final class Latest implements Callable<Integer> {
        @ParentCommand RoundCommand parent;
        @Mixin Common common;

        @Override
        public Integer call() {
            return parent.execute("latest", common, null, false, 0, 0, null, null, null);
        }
    }
}
