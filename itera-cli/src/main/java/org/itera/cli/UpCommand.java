package org.itera.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.cli.stack.WaitProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itera up}: starts the local stack in the background and waits until every part serves. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts the local stack (broker, store, local model, services) in the background.",
            "Starts the local stack in the background: the Kafka broker, the Mongo-compatible store,",
            "offline the local model-server, and generator-, filter- and feedback-service (with --finetune also",
            "finetune-service); waits until each serves. Parts already running are reused. Logs and pid files",
            "are under ITERA_HOME (default .itera). Stop it with itera down."})
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--finetune", description = "also start finetune-service (fine-tuning rounds)")
    boolean finetune;
    @Option(names = "--only", split = ",", paramLabel = "PART", converter = ComponentConverter.class,
            description = "start only these parts, e.g. kafka,mongo (kafka, mongo, model-server, generator-service, ...)")
    List<Component> only;

    @Override
    public Integer call() throws InterruptedException {
        StackConfig config = StackConfig.fromEnvironment();
        LocalStack stack = new LocalStack(config, System.err, WaitProgress.onStderr());
        try {
            for (Component component : only != null ? only : wanted(config.offline(), finetune)) {
                stack.start(component);
            }
        } catch (StackException e) {
            System.err.println("itera up: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        System.out.println("up: filter-service " + config.url(Component.FILTER) + " (GET /runs/{id}, /library/stats),"
                + " Kafka " + config.kafkaBootstrap() + ", store " + config.mongoUri() + "; stop with: itera down");
        return ExitCodes.OK;
    }

    /** The parts a stack needs, in start order. */
    public static List<Component> wanted(boolean offline, boolean finetune) {
        List<Component> parts = new java.util.ArrayList<>(List.of(Component.KAFKA, Component.MONGO));
        if (offline) {
            parts.add(Component.MODEL_SERVER);
        }
        parts.addAll(Component.PIPELINE);
        if (finetune) {
            parts.add(Component.FINETUNE);
        }
        return parts;
    }
}
