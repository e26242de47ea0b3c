package org.itera.cli.compare;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itera.cli.stack.StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itera compare}: the paper's comparison (Table 3) in one command. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares SiriuS with the baselines, its ablations and library-shots on the same tasks.",
            "Runs each method as a team variant on the same train and test tasks (single, team, star, sirius,",
            "sirius-no-repair, sirius-shared-model, library-shots), sharing what they can: the base team's train",
            "tasks fill the library that SiriuS, its ablations and library-shots use; STaR runs its own. Evaluates",
            "the prompted methods on the base models, fine-tunes the others in one round, evaluates them, and",
            "writes comparison.md (Table 3's form, 95% Wilson intervals, a paired test against single),",
            "comparison.csv and comparison.png under ITERA_HOME/runs/compare-<time>/, and prints the table.",
            "Starts what is missing of the local stack (offline: the local model) and stops it afterwards unless",
            "--keep. For a clean comparison use a fresh ITERA_HOME: SiriuS trains on all its library."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:done", "1:failed (stderr says why)",
            "64:wrong usage", "130:interrupted"})
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--subject", description = "the base team: arithmetic (offline default) or pubmedqa (online default)")
    String subject;
    @Option(names = "--methods", paramLabel = "LIST", defaultValue = "all",
            description = "comma-separated, default all: single, team, star, sirius, sirius-no-repair, sirius-shared-model, library-shots")
    String methods;
    @Option(names = "--file", paramLabel = "FILE", description = "JSONL tasks; default ../shared/data/<subject>/train.jsonl, generated for arithmetic")
    Path file;
    @Option(names = "--difficulty", defaultValue = "d1s1-add", description = "generated arithmetic's difficulty; default ${DEFAULT-VALUE}")
    String difficulty;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "40", description = "train tasks; default ${DEFAULT-VALUE}")
    int limit;
    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "30", description = "test tasks; default ${DEFAULT-VALUE}")
    int testLimit;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1200",
            description = "for the train tasks and their repairs (then the comparison goes on with the library as it is); default ${DEFAULT-VALUE}")
    int timeout;
    @Option(names = "--step-timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "for the fine-tuning round and for each evaluation; default ${DEFAULT-VALUE}")
    int stepTimeout;
    @Option(names = "--keep", description = "leave the stack running afterwards")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        return new CompareJob(config, plan(config.offline()), System.out, System.err).run();
    }

    /** The plan with the defaults applied; a {@link CommandLine.ParameterException} when the options do not fit. */
    ComparePlan plan(boolean offline) {
        require(limit > 0 && testLimit > 0, "--limit and --test-limit must be at least 1");
        require(timeout > 0 && stepTimeout > 0, "--timeout and --step-timeout must be at least 1");
        java.util.List<Method> chosen;
        try {
            chosen = Method.parse(methods);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine(), "--methods: " + e.getMessage());
        }
        require(!chosen.isEmpty(), "--methods names no method");
        String theSubject = subject != null ? subject : offline ? "arithmetic" : "pubmedqa";
        Path theFile = file == null ? null : file.toAbsolutePath().normalize();
        return new ComparePlan(theSubject, theFile, org.itera.cli.run.DifficultyOption.checked(commandLine(), difficulty), limit, testLimit,
                chosen, timeout, stepTimeout, keep);
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
    static ComparePlan parse(boolean offline, String... args) {
        CompareCommand command = new CompareCommand();
        new CommandLine(command).parseArgs(args);
        return command.plan(offline);
    }
}
