package org.itera.cli.run;

import java.util.Locale;
import org.itera.core.dataset.Difficulty;
import picocli.CommandLine;

/** The {@code --difficulty} option of generated arithmetic, checked by {@link Difficulty}'s own rule. */
public final class DifficultyOption {

    private DifficultyOption() {
    }

    /** The difficulty in lower case; a usage error naming the form when it is none. */
    public static String checked(CommandLine commandLine, String text) {
        try {
            Difficulty.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--difficulty is d<digits>s<steps>, optionally with"
                    + " -add, -sub, -mul (e.g. d2s1, d1s1-add): " + e.getMessage());
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
