package org.itera.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.itera.cli.CliOptions;
import org.itera.cli.ExitCodes;
import org.itera.cli.KnownSettings;
import org.itera.cli.PushCommand;
import org.itera.cli.TaskPublisher;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.core.event.TaskEvent;

/** Pushes a run's tasks: the train rows, then (outside a round) the test rows, every task marked with the run id. */
public final class TaskPush {

    private final StackConfig config;
    private final RunPlan plan;
    private final String runId;
    private final PrintStream err;

    public TaskPush(StackConfig config, RunPlan plan, String runId, PrintStream err) {
        this.config = config;
        this.plan = plan;
        this.runId = runId;
        this.err = err;
    }

    public int pushAll(RunData.Files files) throws StackException, IOException, InterruptedException {
        err.println("push: " + plan.setting() + " " + plan.subject() + ": " + plan.limit() + " train from " + files.train()
                + " (rows from " + files.offset() + ")" + (plan.round() ? "" : ", " + plan.testLimit() + " test"));
        int sent = 0;
        if (plan.limit() > 0) {
            sent += push(files.train(), TaskEvent.SPLIT_TRAIN, files.offset(), plan.limit());
        }
        // in a round the test tasks are finetune-service's evaluation set, not pushed here
        if (plan.testLimit() > 0 && !plan.round()) {
            sent += files.test() != null ? push(files.test(), TaskEvent.SPLIT_TEST, 0, plan.testLimit())
                    : push(files.train(), TaskEvent.SPLIT_TEST, files.offset() + plan.limit(), plan.testLimit());
        }
        if (sent == 0) {
            throw new StackException("no task was sent (does " + files.train() + " have more than " + files.offset() + " rows?)");
        }
        return sent;
    }

    private int push(Path file, String split, int offset, int limit) throws StackException, IOException, InterruptedException {
        CliOptions options = new CliOptions(file, plan.setting(), plan.subject(), split, limit, offset, null, runId,
                config.kafkaBootstrap(), CliOptions.DEFAULT_TOPIC, CliOptions.DEFAULT_TIMEOUT_SECONDS, false, false);
        PushCommand command = new PushCommand(options, err, err, TaskPublisher::connect);
        int status = command.run(KnownSettings.standard());
        if (status == ExitCodes.INVALID_LINES) {
            err.println("warning: some " + split + " lines were invalid and skipped (see above)");
        } else if (status != ExitCodes.OK) {
            throw new StackException("pushing the " + split + " tasks failed (exit " + status + ")");
        }
        return command.sent();
    }
}
