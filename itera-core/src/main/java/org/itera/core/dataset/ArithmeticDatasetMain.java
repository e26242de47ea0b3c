package org.itera.core.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.itera.core.event.TaskEvent;

/**
 * Writes a JSONL file of arithmetic word problems for {@code scripts/push-tasks.sh}:
 *
 * <pre>
 * java -cp itera-core.jar:... org.itera.core.dataset.ArithmeticDatasetMain \
 *     --out data/arithmetic-train.jsonl --difficulty d2s1 --seed 7 --count 100 --split train [--first-index 0]
 * </pre>
 *
 * Options may also be written {@code --name=value}. Exit status 0 on success, 1 when the file
 * cannot be written, 2 on a usage error.
 */
public final class ArithmeticDatasetMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            Usage: ArithmeticDatasetMain --out FILE [options]
              --out FILE          the JSONL file to write (parent folders are created)
              --difficulty DnSm   operand digits n (1-6) and operations m (1-4); default %s
                                  a suffix keeps to some operations: -add, -sub, -mul
                                  (e.g. d1s1-add: one-digit additions only)
              --seed N            seed of the problems (any long); default 1
              --count N           number of problems; default 100
              --first-index N     index of the first problem; default 0
              --split S           train or test (written into meta); default train
              --help              this text
            """.formatted(Difficulty.DEFAULT);

    private ArithmeticDatasetMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the tool and returns its exit status; never calls {@code System.exit}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Difficulty difficulty = Difficulty.DEFAULT;
        long seed = 1;
        int count = 100;
        int firstIndex = 0;
        String split = TaskEvent.SPLIT_TRAIN;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.print(HELP);
                    return OK;
                }
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value"
                            : "unexpected argument '" + arg + "'");
                }
                switch (name) {
                    case "--out" -> file = Path.of(value);
                    case "--difficulty" -> difficulty = Difficulty.parse(value);
                    case "--seed" -> seed = number(name, value);
                    case "--count" -> count = nonNegative(name, value);
                    case "--first-index" -> firstIndex = nonNegative(name, value);
                    case "--split" -> split = ArithmeticProblems.requireSplit(value);
                    default -> throw new IllegalArgumentException("unknown option '" + name + "'");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--out is required");
            }
            ArithmeticProblems.writeJsonl(file, difficulty, seed, firstIndex, count, split);
        } catch (IllegalArgumentException e) {
            err.println("arithmetic-dataset: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        } catch (IOException e) {
            err.println("arithmetic-dataset: cannot write " + file + ": " + e);
            return FAILED;
        }
        out.println("wrote " + count + " " + difficulty + " problems (seed " + seed + ", indexes " + firstIndex
                + ".." + ((long) firstIndex + count - 1) + ", split " + split + ") to " + file);
        return OK;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + value + "'");
        }
    }

    private static int nonNegative(String name, String value) {
        long n = number(name, value);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be 0.." + Integer.MAX_VALUE + ": " + value);
        }
        return (int) n;
    }
}
