package org.itera.modelserver.finetune.jobs;

import java.util.List;
import java.util.Set;

/** OpenAI's job statuses. A job moves validating_files, queued, running, then one of the final three. */
public final class JobStatus {

    public static final String VALIDATING_FILES = "validating_files";
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public static final List<String> ALL = List.of(VALIDATING_FILES, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED);
    private static final Set<String> FINAL = Set.of(SUCCEEDED, FAILED, CANCELLED);

    private JobStatus() {
    }

    public static boolean isFinal(String status) {
        return FINAL.contains(status);
    }
}
