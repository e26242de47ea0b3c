package org.itera.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Where the next round's first train row is kept, one file per data set under
 * {@code <home>/state/round-offset-<key>}, so that each round trains on rows no earlier round used:
 * {@code arithmetic-<difficulty>} for generated problems, {@code <game>-games} for generated games,
 * {@code <subject>-<file name>} otherwise; prefixed by the setting outside problem solving.
 */
final class RoundOffsets {

    private final Path file;

    RoundOffsets(Path stateDir, RunPlan plan) {
        this.file = stateDir.resolve("round-offset-" + key(plan));
    }

    static String key(RunPlan plan) {
        String key;
        if (plan.generatedGames()) {
            key = plan.subject() + "-games";
        } else if (plan.file() == null && "arithmetic".equals(plan.subject())) {
            key = "arithmetic-" + plan.difficulty();
        } else {
            String name = plan.file() == null ? "train" : plan.file().getFileName().toString();
            key = plan.subject() + "-" + (name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name);
        }
        return plan.problemSolving() ? key : plan.setting() + "-" + key;
    }

    OptionalInt next() throws IOException {
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(Files.readString(file).strip()));
    }

    void save(int next) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, next + "\n");
    }

    Path file() {
        return file;
    }
}
