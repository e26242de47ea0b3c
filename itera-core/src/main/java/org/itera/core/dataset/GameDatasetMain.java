package org.itera.core.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itera.core.event.TaskEvent;
import org.itera.core.setting.competitive.CompetitiveSetting;
import org.itera.core.team.TeamCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a JSONL file of seeded game tasks (one {@code {"id", "game", "seed"}} per line) for
 * {@code itera push --setting competitive} and for evaluations ({@code itera dataset games}). Exit status 0 on
 * success, 1 when the file cannot be written, 2 on a usage error.
 */
@Command(name = "games", mixinStandardHelpOptions = true,
        description = "Writes seeded game tasks (JSONL) of one game and split.")
public final class GameDatasetMain implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "the JSONL file to write (parent folders are created)")
    Path out;

    @Option(names = "--game", required = true, description = "the game: resource-exchange, ultimatum or sell-buy")
    String game;

    @Option(names = "--split", defaultValue = TaskEvent.SPLIT_TRAIN,
            description = "train (seeds from 1) or test (seeds from 1000001); default ${DEFAULT-VALUE}")
    String split;

    @Option(names = "--count", defaultValue = "60", description = "number of games; default ${DEFAULT-VALUE}")
    int count;

    @Option(names = "--first-index", defaultValue = "0", description = "index of the first game; default ${DEFAULT-VALUE}")
    int first;

    public static void main(String[] args) {
        int status = new CommandLine(new GameDatasetMain()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (TeamCatalog.standard().find(CompetitiveSetting.NAME, game).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown game '" + game + "' (one of "
                    + TeamCatalog.standard().subjectsOf(CompetitiveSetting.NAME) + ")");
        }
        if (!TaskEvent.SPLIT_TRAIN.equals(split) && !TaskEvent.SPLIT_TEST.equals(split)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split is train or test, not " + split);
        }
        if (count < 0 || first < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count and --first-index cannot be negative");
        }
        GameTasks.writeJsonl(out, CompetitiveSetting.NAME, game, split, first, count);
        return 0;
    }
}
