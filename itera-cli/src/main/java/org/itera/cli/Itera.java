package org.itera.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.itera.cli.round.RoundCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code itera}: the one command line of Itera. {@code itera run --round} is the main job; the
 * other commands start, inspect and stop the local stack, push tasks and follow runs.
 */
@Command(name = "itera", mixinStandardHelpOptions = true, version = "itera 0.1.0",
        description = {"Itera: self-improving teams of LLM agents (SiriuS) on Kafka and MongoDB.",
            "Offline by default (no OPENAI_BASE_URL): a local model, broker and store under ITERA_HOME (.itera)."},
        subcommands = {org.itera.cli.run.RunCommand.class, org.itera.cli.compare.CompareCommand.class, UpCommand.class, StatusCommand.class, DownCommand.class, PushTasks.class,
            WatchCommand.class, DlqCommand.class, RoundCommand.class, DatasetCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {
            "0:done",
            "1:failed (stderr says why and what to do)",
            "2:push: some lines were invalid",
            "3:round train: no agent had enough new examples",
            "4:every task graded, the repair loop still busy at the timeout",
            "5:status: some part of the stack is not running",
            "64:wrong usage",
            "130:interrupted"})
public final class Itera {

    public static void main(String[] args) {
        int status = commandLine(new Itera(), System.out, System.err).execute(args);
        System.out.flush();
        System.exit(status);
    }

    /** A command line for {@code command} with Itera's exit codes and streams. */
    public static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("itera " + cmd.getCommandName() + ": " + e);
            return ExitCodes.FAILED;
        });
        applyExitCodes(line);
        return line;
    }

    private static void applyExitCodes(CommandLine line) {
        line.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        line.getCommandSpec().exitCodeOnExecutionException(ExitCodes.FAILED);
        line.getSubcommands().values().forEach(Itera::applyExitCodes);
    }
}
