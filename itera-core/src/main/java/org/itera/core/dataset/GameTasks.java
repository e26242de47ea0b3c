package org.itera.core.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/**
 * Seeded game tasks for self-play and evaluation: task i of a split plays with seed
 * {@code firstSeed + i} (train seeds from 1, test seeds from {@link #TEST_FIRST_SEED}, so no test
 * game repeats a train game), id {@code <game>/<split>-<seed>}.
 */
public final class GameTasks {

    public static final long TRAIN_FIRST_SEED = 1;
    public static final long TEST_FIRST_SEED = 1_000_001;

    private GameTasks() {
    }

    /** The first seed of a split's games. */
    public static long firstSeed(String split) {
        return TaskEvent.SPLIT_TEST.equals(split) ? TEST_FIRST_SEED : TRAIN_FIRST_SEED;
    }

    /** {@code count} games of the split from index {@code first} on. */
    public static List<TaskEvent> of(String setting, String game, String split, int first, int count) {
        List<TaskEvent> tasks = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            long seed = firstSeed(split) + i;
            tasks.add(TaskEvent.ofGame(game + "/" + split + "-" + seed, setting, game, seed, null, split, null));
        }
        return tasks;
    }

    /** Writes {@link #of} as JSONL, one {@code {"id", "game", "seed"}} per line (parent folders created). */
    public static void writeJsonl(Path out, String setting, String game, String split, int first, int count)
            throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (TaskEvent task : of(setting, game, split, first, count)) {
                writer.println(Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("id", task.id())
                        .put("game", game).put("seed", task.seed())));
            }
        }
    }
}
