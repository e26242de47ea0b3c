package org.itera.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Set;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.task.TaskValidator;

/** One {@code itera push} with parsed options: read, check, report, and send (or print). */
public final class PushCommand {

    static final int OK = ExitCodes.OK;
    static final int FAILED = ExitCodes.FAILED;
    static final int INVALID_LINES = ExitCodes.INVALID_LINES;
    static final int USAGE = ExitCodes.USAGE;

    /** Makes the publisher for a run; tests swap in one on a mock producer. */
    public interface PublisherFactory {
        TaskPublisher create(String bootstrap, String topic, Duration timeout);
    }

    private final CliOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final PublisherFactory publishers;
    private int sent;

    public PushCommand(CliOptions options, PrintStream out, PrintStream err, PublisherFactory publishers) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.publishers = publishers;
    }

    public int run(SettingRegistry settings) throws IOException, InterruptedException {
        Set<String> subjects = settings.catalog().subjects();
        if (!subjects.contains(options.subject())) {
            err.println("itera push: unknown subject '" + options.subject() + "' (one of " + subjects + ")");
            return USAGE;
        }
        if (!settings.names().contains(options.setting())) {
            err.println("itera push: unknown setting '" + options.setting() + "' (one of " + settings.names() + ")");
            return USAGE;
        }
        DatasetBatch batch = read(new TaskValidator(settings));
        if (batch == null) {
            return FAILED;
        }
        batch.invalid().forEach(line -> err.println("invalid " + line.describe()));
        if (options.strict() && batch.hasInvalid()) {
            err.println("itera push: " + batch.invalid().size() + " invalid line(s); --strict, so nothing was sent");
            return INVALID_LINES;
        }
        int status = options.dryRun() ? printAll(batch) : sendAll(batch);
        return status == OK && batch.hasInvalid() ? INVALID_LINES : status;
    }

    private DatasetBatch read(TaskValidator validator) throws IOException {
        DatasetReader reader = new DatasetReader(validator, options.setting(), options.subject(),
                options.split(), options.round());
        try {
            DatasetBatch batch = reader.read(options.file(), options.offset(), options.limit());
            return options.run() == null ? batch : batch.inRun(options.run());
        } catch (NoSuchFileException e) {
            err.println("itera push: no such file: " + options.file());
            return null;
        }
    }

    private int printAll(DatasetBatch batch) throws IOException {
        for (TaskEvent task : batch.tasks()) {
            out.println(Json.mapper().writeValueAsString(task));
        }
        out.println("dry run: would send " + batch.tasks().size() + " tasks" + describe()
                + "; skipped " + batch.invalid().size() + " invalid");
        return OK;
    }

    private int sendAll(DatasetBatch batch) throws InterruptedException {
        if (batch.tasks().isEmpty()) {
            return report(new PublishResult(0, 0, null), batch);
        }
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        try (TaskPublisher publisher = publishers.create(options.bootstrap(), options.topic(), timeout)) {
            publisher.checkReachable();
            ProgressBar progress = ProgressBar.on(err, batch.tasks().size());
            PublishResult result = publisher.publish(batch.tasks(), progress);
            progress.finish();
            return report(result, batch);
        } catch (BrokerUnavailableException e) {
            err.println("itera push: " + e.getMessage());
            return FAILED;
        }
    }

    /** The tasks the broker acknowledged in the last {@link #run}. */
    public int sent() {
        return sent;
    }

    private int report(PublishResult result, DatasetBatch batch) {
        sent = result.sent();
        if (!result.allSent()) {
            err.println("itera push: " + result.failed() + " task(s) were not acknowledged; first error: "
                    + result.firstError());
        }
        String failed = result.allSent() ? "" : "; " + result.failed() + " failed";
        out.println("sent " + result.sent() + " tasks" + describe() + "; skipped "
                + batch.invalid().size() + " invalid" + failed);
        return result.allSent() ? OK : FAILED;
    }

    private String describe() {
        String round = (options.round() == null ? "" : ", round=" + options.round())
                + (options.run() == null ? "" : ", run=" + options.run());
        String setting = TaskEvent.SETTING_PROBLEM_SOLVING.equals(options.setting()) ? ""
                : "setting=" + options.setting() + ", ";
        return " (" + setting + "subject=" + options.subject() + ", split=" + options.split() + round + ") to "
                + options.topic() + " on " + options.bootstrap();
    }
}
