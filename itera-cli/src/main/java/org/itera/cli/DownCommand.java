package org.itera.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.WaitProgress;
import picocli.CommandLine.Command;

/** {@code itera down}: stops every part of the local stack that Itera started (services first). */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stops the local stack.",
            "Stops the services, model-server, the broker and the store started by itera (SIGTERM, then SIGKILL after 30 s)."})
public final class DownCommand implements Callable<Integer> {

    /** Services before the broker and the store, so that they close their clients cleanly. */
    public static final List<Component> STOP_ORDER = List.of(Component.GENERATOR, Component.FILTER, Component.FINETUNE,
            Component.FEEDBACK, Component.MODEL_SERVER, Component.KAFKA, Component.MONGO);

    @picocli.CommandLine.Option(names = "--only", split = ",", paramLabel = "PART", converter = ComponentConverter.class,
            description = "stop only these parts, e.g. kafka,mongo")
    List<Component> only;

    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = new LocalStack(StackConfig.fromEnvironment(), System.err, WaitProgress.NONE);
        for (Component component : STOP_ORDER.stream().filter(c -> only == null || only.contains(c)).toList()) {
            stack.stop(component);
        }
        return ExitCodes.OK;
    }
}
