package org.itera.cli;

import org.itera.core.dataset.ArithmeticDatasetMain;
import org.itera.core.dataset.GameDatasetMain;
import picocli.CommandLine.Command;

/** {@code itera dataset}: writes seeded task files (arithmetic problems, negotiation games). */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Writes seeded JSONL task files: arithmetic problems or negotiation games.",
        subcommands = {ArithmeticDatasetMain.class, GameDatasetMain.class})
public final class DatasetCommand {
}
