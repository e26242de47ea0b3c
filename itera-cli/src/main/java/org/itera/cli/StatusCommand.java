package org.itera.cli;

import java.util.concurrent.Callable;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.WaitProgress;
import picocli.CommandLine.Command;

/** {@code itera status}: how each part of the local stack stands. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows how each part of the local stack stands.",
            "Running (pid, port), starting, stopped, or its port taken by another process."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the pipeline's parts run", "5:some part does not run"})
public final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StackConfig config = StackConfig.fromEnvironment();
        LocalStack stack = new LocalStack(config, System.err, WaitProgress.NONE);
        stack.status().forEach(System.out::println);
        boolean up = UpCommand.wanted(config.offline(), false).stream().allMatch(stack::running);
        System.out.println("home: " + config.home() + (config.offline() ? " (offline)" : " (LLM at " + config.llmBaseUrl() + ")"));
        return up ? ExitCodes.OK : ExitCodes.NOT_RUNNING;
    }
}
