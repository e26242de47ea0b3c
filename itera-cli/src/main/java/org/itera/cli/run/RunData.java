package org.itera.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.dataset.GameTasks;
import org.itera.core.event.TaskEvent;

/**
 * The task files of a run: a dataset file (checked to have the rows asked for), or generated ones,
 * seeded so that the same plan always gives the same tasks (arithmetic: train seed 1, test seed 2;
 * games: train seeds from 1, test seeds of their own). A round's test set never holds a train row.
 */
public final class RunData {

    /** The train file, the first train row, and the test file (null: the test rows follow the train rows). */
    public record Files(Path train, int offset, Path test) {
    }

    private final StackConfig config;
    private final RunPlan plan;
    private final PrintStream log;

    public RunData(StackConfig config, RunPlan plan, PrintStream log) {
        this.config = config;
        this.plan = plan;
        this.log = log;
    }

    public Files prepare(int offset) throws IOException, StackException {
        if (plan.generatedArithmetic()) {
            return arithmetic(offset);
        }
        if (plan.generatedGames()) {
            return games(offset);
        }
        Path file = plan.file() != null ? plan.file()
                : config.repo().resolve("../shared/data").resolve(plan.subject()).resolve("train.jsonl").normalize();
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new StackException("no dataset file " + file + " (give one with --file)");
        }
        long rows = rows(file);
        if (offset >= rows) {
            throw new StackException(file + " has " + rows + " rows: nothing left after --offset " + offset);
        }
        if (offset + plan.limit() + plan.testLimit() > rows) {
            log.println("warning: " + file + " has " + rows + " rows: fewer tasks than asked for will be pushed");
        }
        return new Files(file, offset, null);
    }

    private Files arithmetic(int offset) throws IOException {
        Difficulty difficulty = Difficulty.parse(plan.difficulty());
        Path train = config.dataDir().resolve("arithmetic-" + plan.difficulty() + "-train.jsonl");
        ArithmeticProblems.writeJsonl(train, difficulty, 1, 0, offset + plan.limit(), TaskEvent.SPLIT_TRAIN);
        Path test = null;
        if (plan.testLimit() > 0) {
            test = config.dataDir().resolve("arithmetic-" + plan.difficulty() + "-test.jsonl");
            ArithmeticProblems.writeJsonl(test, difficulty, 2, 0, plan.testLimit(), TaskEvent.SPLIT_TEST);
        }
        log.println("data: arithmetic " + plan.difficulty() + ": " + (offset + plan.limit()) + " train (seed 1) in " + train
                + (test == null ? "" : ", " + plan.testLimit() + " test (seed 2) in " + test));
        return new Files(train, offset, test);
    }

    private Files games(int offset) throws IOException {
        Path dir = config.dataDir().resolve("games");
        Path train = dir.resolve(plan.subject() + "-train.jsonl");
        GameTasks.writeJsonl(train, plan.setting(), plan.subject(), TaskEvent.SPLIT_TRAIN, 0, offset + plan.limit());
        Path test = null;
        if (plan.testLimit() > 0) {
            test = dir.resolve(plan.subject() + "-test.jsonl");
            GameTasks.writeJsonl(test, plan.setting(), plan.subject(), TaskEvent.SPLIT_TEST, 0, plan.testLimit());
        }
        log.println("data: " + plan.subject() + " games: " + (offset + plan.limit()) + " train in " + train
                + (test == null ? "" : ", " + plan.testLimit() + " test in " + test));
        return new Files(train, offset, test);
    }

    /** A round's test tasks: the generated test split, else the last --test-limit rows of the file. */
    public Path roundTestFile(Files files) throws IOException, StackException {
        if (files.test() != null) {
            return files.test();
        }
        List<String> rows = nonBlank(files.train());
        int testLimit = plan.testLimit();
        if (files.offset() + plan.limit() > rows.size() - testLimit) {
            throw new StackException(files.train() + " has " + rows.size() + " rows: the train rows " + files.offset() + ".."
                    + (files.offset() + plan.limit() - 1) + " would reach the last " + testLimit + ", which are the test split");
        }
        Path out = config.dataDir().resolve(plan.subject() + "-round-test.jsonl");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, rows.subList(rows.size() - testLimit, rows.size()));
        return out;
    }

    private static long rows(Path file) throws IOException {
        return nonBlank(file).size();
    }

    private static List<String> nonBlank(Path file) throws IOException {
        return java.nio.file.Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }
}
