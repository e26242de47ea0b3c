package org.itera.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.itera.core.setting.SettingRegistry;

/**
 * {@code push-tasks}: pushes a JSONL dataset file onto the Kafka {@code tasks} topic. See
 * {@link HelpText} for the options and exit status.
 */
public final class PushTasks {

    private PushTasks() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err, System.getenv(), TaskPublisher::connect);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the tool and returns its exit status; never calls {@code System.exit}. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
            PushCommand.PublisherFactory publishers) {
        CliOptions options;
        try {
            options = CliOptions.parse(args, env);
        } catch (UsageException e) {
            err.println("push-tasks: " + e.getMessage());
            err.println("Try 'push-tasks --help' for more information.");
            return PushCommand.USAGE;
        }
        if (options.help()) {
            out.print(HelpText.text());
            return PushCommand.OK;
        }
        return execute(new PushCommand(options, out, err, publishers), KnownSettings.standard(), err);
    }

    private static int execute(PushCommand command, SettingRegistry settings, PrintStream err) {
        try {
            return command.run(settings);
        } catch (IOException e) {
            err.println("push-tasks: cannot read the file: " + e);
            return PushCommand.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("push-tasks: interrupted");
            return PushCommand.FAILED;
        }
    }
}
