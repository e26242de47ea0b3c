package org.itera.core.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itera.core.event.TaskEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a JSONL file of seeded arithmetic word problems ({@code itera dataset arithmetic}). Exit
 * status 0 on success, 1 when the file cannot be written, 2 on a usage error.
 */
@Command(name = "arithmetic", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes seeded arithmetic word problems (JSONL) of one difficulty and split.")
public final class ArithmeticDatasetMain implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the JSONL file to write (parent folders are created)")
    Path out;
    @Option(names = "--difficulty", paramLabel = "DnSm", converter = DifficultyConverter.class,
            description = {"operand digits n (1-6) and operations m (1-4); default d1s1-add.",
                "A suffix keeps to some operations: -add, -sub, -mul (d1s1-add: one-digit additions only)"})
    Difficulty difficulty = Difficulty.DEFAULT;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the problems (any long); default ${DEFAULT-VALUE}")
    long seed;
    @Option(names = "--count", defaultValue = "100", description = "number of problems; default ${DEFAULT-VALUE}")
    int count;
    @Option(names = "--first-index", defaultValue = "0", description = "index of the first problem; default ${DEFAULT-VALUE}")
    int firstIndex;
    @Option(names = "--split", defaultValue = TaskEvent.SPLIT_TRAIN, description = "train or test (written into meta); default ${DEFAULT-VALUE}")
    String split;

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the tool and returns its exit status; never calls {@code System.exit}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new ArithmeticDatasetMain());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Override
    public Integer call() {
        if (count < 0 || firstIndex < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count and --first-index cannot be negative");
        }
        try {
            ArithmeticProblems.requireSplit(split);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            ArithmeticProblems.writeJsonl(out, difficulty, seed, firstIndex, count, split);
        } catch (IOException e) {
            spec.commandLine().getErr().println("arithmetic: cannot write " + out + ": " + e);
            return FAILED;
        }
        spec.commandLine().getOut().println("wrote " + count + " " + difficulty + " problems (seed " + seed + ", indexes "
                + firstIndex + ".." + ((long) firstIndex + count - 1) + ", split " + split + ") to " + out);
        return OK;
    }

    /** {@link Difficulty#parse}, its message kept for the user. */
    static final class DifficultyConverter implements CommandLine.ITypeConverter<Difficulty> {
        @Override
        public Difficulty convert(String value) {
            try {
                return Difficulty.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
