package org.itera.modelserver.finetune.trainer;

/**
 * How a trainer run ended: its exit code, the final {@code succeeded} or {@code failed} event (null
 * if it wrote none, e.g. when it crashed) and the last lines of its log.
 */
public record TrainerResult(int exitCode, TrainerEvent last, String logTail) {

    public boolean succeeded() {
        return exitCode == 0 && last != null && last.event().equals("succeeded");
    }

    public boolean reportedFailure() {
        return last != null && last.event().equals("failed");
    }
}
