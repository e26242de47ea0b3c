package org.itera.core.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * Synthetic arithmetic word problems for the {@code arithmetic} subject: a starting amount and
 * {@link Difficulty#steps() steps} operations on it (+, -, * or the difficulty's
 * {@link Difficulty#operations() subset} of them), told as a short story, with the exact
 * non-negative integer result as the answer.
 *
 * <p>Problems are reproducible: problem {@code index} of a difficulty and seed depends on those
 * three values only (not on how many problems are asked for), and its text is the same on every
 * run and JVM ({@link Random}'s algorithm is fixed by its specification). Disjoint seeds, or
 * disjoint index ranges of one seed, give different ids; for a train/test pair use either. Small
 * difficulties have few distinct problems, so the same question can come up under two ids.
 *
 * <p>Numbers: the starting amount and every amount added or taken away have exactly
 * {@code digits} digits (2..9 for one digit); a multiplier is 2..9. A subtraction never takes more
 * than there is; when the amount is smaller than any {@code digits}-digit number, the step uses
 * one of the difficulty's other operations instead.
 */
public final class ArithmeticProblems {

    /** The subject of the generated tasks, and of the team that solves them. */
    public static final String SUBJECT = "arithmetic";
    /** The {@code source} written on every JSONL line. */
    public static final String SOURCE = "itera/arithmetic";

    private ArithmeticProblems() {
    }

    /** {@code arithmetic/<difficulty>/<seed>/<index>}, e.g. {@code arithmetic/d1s1-add/1/0}. */
    public static String taskId(Difficulty difficulty, long seed, int index) {
        return SUBJECT + "/" + difficulty + "/" + seed + "/" + index;
    }

    /** Problem number {@code index} (from 0) of this difficulty and seed. */
    public static Problem problem(Difficulty difficulty, long seed, int index) {
        Objects.requireNonNull(difficulty, "difficulty");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        long key = problemKey(difficulty, seed, index);
        Random numbers = new Random(key);
        Random words = new Random(mix(key ^ 0x6A09E667F3BCC909L));

        long start = between(numbers, difficulty.minOperand(), difficulty.maxOperand());
        long amount = start;
        List<Step> steps = new ArrayList<>(difficulty.steps());
        for (int i = 0; i < difficulty.steps(); i++) {
            Step step = nextStep(numbers, difficulty, amount);
            amount = step.operation().apply(amount, step.operand());
            steps.add(step);
        }
        return new Problem(difficulty, seed, index, Stories.write(words, start, steps), start, steps, amount);
    }

    /** Problems {@code 0 .. count-1}. */
    public static List<Problem> problems(Difficulty difficulty, long seed, int count) {
        return problems(difficulty, seed, 0, count);
    }

    /** Problems {@code firstIndex .. firstIndex+count-1}. */
    public static List<Problem> problems(Difficulty difficulty, long seed, int firstIndex, int count) {
        requireRange(firstIndex, count);
        List<Problem> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(problem(difficulty, seed, firstIndex + i));
        }
        return out;
    }

    /** Tasks {@code 0 .. count-1} for {@code split} ({@code train} or {@code test}). */
    public static List<TaskEvent> tasks(Difficulty difficulty, long seed, int count, String split) {
        return tasks(difficulty, seed, 0, count, split);
    }

    /** Tasks {@code firstIndex .. firstIndex+count-1} for {@code split} ({@code train} or {@code test}). */
    public static List<TaskEvent> tasks(Difficulty difficulty, long seed, int firstIndex, int count, String split) {
        requireSplit(split);
        return problems(difficulty, seed, firstIndex, count).stream().map(p -> p.toTask(split)).toList();
    }

    /**
     * Writes problems {@code 0 .. count-1} as a JSONL dataset file in the shape of the shared data
     * ({@code id, question, choices: null, context: null, answer, source, meta}), one problem per
     * line, UTF-8, each line ending in a newline; the same arguments always give the same bytes.
     * {@code meta} holds {@code digits, steps, operations, seed, index, split, expression}.
     */
    public static void writeJsonl(Path file, Difficulty difficulty, long seed, int count, String split)
            throws IOException {
        writeJsonl(file, difficulty, seed, 0, count, split);
    }

    /** As {@link #writeJsonl(Path, Difficulty, long, int, String)}, from problem {@code firstIndex}. */
    public static void writeJsonl(Path file, Difficulty difficulty, long seed, int firstIndex, int count,
            String split) throws IOException {
        requireSplit(split);
        requireRange(firstIndex, count);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write(jsonLine(problem(difficulty, seed, firstIndex + i), split));
                out.write('\n');
            }
        }
    }

    /** One problem as a JSONL dataset line (without the newline). */
    public static String jsonLine(Problem problem, String split) {
        requireSplit(split);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("digits", problem.difficulty().digits());
        meta.put("steps", problem.difficulty().steps());
        meta.put("operations", problem.difficulty().operationWords());
        meta.put("seed", problem.seed());
        meta.put("index", problem.index());
        meta.put("split", split);
        meta.put("expression", problem.expression());
        DatasetLine line = new DatasetLine(problem.id(), problem.question(), null, null, problem.answerText(),
                SOURCE, meta);
        try {
            return Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem " + problem.id() + " as JSON", e);
        }
    }

    /** A line of a dataset file; nulls are written, so every line has every key. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"id", "question", "choices", "context", "answer", "source", "meta"})
    record DatasetLine(String id, String question, List<String> choices, String context, String answer,
            String source, Map<String, Object> meta) {
    }

    static String requireSplit(String split) {
        if (!TaskEvent.SPLIT_TRAIN.equals(split) && !TaskEvent.SPLIT_TEST.equals(split)) {
            throw new IllegalArgumentException("split must be train or test: " + split);
        }
        return split;
    }

    private static void requireRange(int firstIndex, int count) {
        if (firstIndex < 0 || count < 0) {
            throw new IllegalArgumentException("first index and count must not be negative: "
                    + firstIndex + ", " + count);
        }
        if ((long) firstIndex + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("indexes past " + Integer.MAX_VALUE + " are not supported");
        }
    }

    /** The order the operations are drawn from; fixed, so that every problem stays as it was. */
    private static final List<Operation> DRAW_ORDER = List.of(Operation.PLUS, Operation.TIMES, Operation.MINUS);

    private static Step nextStep(Random rng, Difficulty difficulty, long amount) {
        long min = difficulty.minOperand();
        long max = difficulty.maxOperand();
        List<Operation> possible = new ArrayList<>(DRAW_ORDER.size());
        for (Operation op : DRAW_ORDER) {
            if (difficulty.operations().contains(op) && (op != Operation.MINUS || amount >= min)) {
                possible.add(op);
            }
        }
        Operation op = possible.get(rng.nextInt(possible.size()));
        long operand = switch (op) {
            case PLUS -> between(rng, min, max);
            case MINUS -> between(rng, min, Math.min(max, amount));
            case TIMES -> between(rng, Operation.MIN_FACTOR, Operation.MAX_FACTOR);
        };
        return new Step(op, operand);
    }

    /** A uniform number in {@code [lo, hi]}; ranges here are below a million. */
    private static long between(Random rng, long lo, long hi) {
        return lo + rng.nextInt(Math.toIntExact(hi - lo + 1));
    }

    /** The seed of one problem's random choices: its difficulty, seed and index, well mixed. */
    private static long problemKey(Difficulty difficulty, long seed, int index) {
        long key = mix(seed);
        key = mix(key + 0x9E3779B97F4A7C15L * (difficulty.digits() * 16L + difficulty.steps()
                + 256L * operationsCode(difficulty)));
        return mix(key + 0xBF58476D1CE4E5B9L * (index + 1L));
    }

    /** 0 for every operation (so such problems are as they always were), else a bit per operation. */
    private static int operationsCode(Difficulty difficulty) {
        if (difficulty.allOperations()) {
            return 0;
        }
        int code = 0;
        for (Operation op : difficulty.operations()) {
            code |= 1 << op.ordinal();
        }
        return code;
    }

    /** A 64-bit bit mixer (the finaliser of MurmurHash3). */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
